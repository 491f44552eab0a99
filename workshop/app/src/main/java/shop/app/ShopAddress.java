package shop.app;

import picocli.CommandLine.Option;

/** Where the commands that read a running shop find it: {@code --url}, or {@code --port} for a shop on this machine. */
final class ShopAddress {
    static final String DEFAULT_URL = "http://127.0.0.1:7070";

    @Option(names = "--url", paramLabel = "URL", description = "the shop (default " + DEFAULT_URL + ")")
    String url;

    @Option(names = "--port", paramLabel = "PORT", description = "the shop on this machine at this port (instead of --url)")
    Integer port;

    String baseUrl() {
        if (url != null && port != null) {
            throw new IllegalArgumentException("--url and --port both say where the shop is: give one of them");
        }
        if (port != null) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("--port must be from 1 to 65535, was " + port);
            }
            return "http://127.0.0.1:" + port;
        }
        String base = url == null ? DEFAULT_URL : url.strip();
        if (!base.matches("https?://[^/?#\\s]+/?")) {
            throw new IllegalArgumentException("--url must look like http://HOST:PORT, was \"" + base + "\"");
        }
        return base.replaceFirst("/$", "");
    }
}
