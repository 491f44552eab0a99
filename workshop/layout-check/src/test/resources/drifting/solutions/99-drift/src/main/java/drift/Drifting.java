package drift;

class Drifting {
    String answer() {
        // TODO 1: say something
        return "something";
        // end TODO 1
    }

    String name() {
        return "solution";
    }
}
