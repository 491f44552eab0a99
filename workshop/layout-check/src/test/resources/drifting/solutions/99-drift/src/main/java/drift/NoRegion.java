package drift;

class NoRegion {
}
