package shop.api;

/** Client input quoted back in an error message: at most 40 characters, control characters shown as '?'. */
final class Printable {
    private static final int MAX = 40;

    private Printable() {}

    static String of(String value) {
        StringBuilder shown = new StringBuilder();
        value.codePoints().limit(MAX).forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return value.codePointCount(0, value.length()) > MAX ? shown + "..." : shown.toString();
    }
}
