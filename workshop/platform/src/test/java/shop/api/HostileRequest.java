package shop.api;

import java.net.http.HttpRequest;

/** One request of the hostile-input corpus, and how it travels: as raw bytes on a socket, or through java.net.http. */
record HostileRequest(String name, byte[] raw, HttpRequest viaClient) {

    static HostileRequest raw(String name, byte[] bytes) {
        return new HostileRequest(name, bytes, null);
    }

    static HostileRequest raw(String name, String text) {
        return raw(name, text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    static HostileRequest client(String name, HttpRequest request) {
        return new HostileRequest(name, null, request);
    }

    @Override
    public String toString() {
        return name;
    }
}
