package drift;

class OnlyInTheStarter {
    // TODO 1: x
    // end TODO 1
}
