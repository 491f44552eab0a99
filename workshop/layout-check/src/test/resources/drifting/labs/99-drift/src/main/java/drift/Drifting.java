package drift;

class Drifting {
    String answer() {
        // TODO 1: say something
        throw new UnsupportedOperationException();
        // end TODO 1
    }

    String name() {
        return "starter";
    }
}
