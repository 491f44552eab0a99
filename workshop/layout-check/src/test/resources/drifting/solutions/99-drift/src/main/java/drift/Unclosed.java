package drift;

class Unclosed {
    // TODO 1: x
}
