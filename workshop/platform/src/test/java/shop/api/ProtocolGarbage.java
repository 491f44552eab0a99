package shop.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Requests broken at the HTTP level, as raw text for a socket; each must be refused with a 4xx. */
final class ProtocolGarbage {
    private ProtocolGarbage() {}

    static Map<String, String> requests(int port) {
        String host = "Host: 127.0.0.1:" + port + "\r\n";
        String json = "Content-Type: application/json\r\n";
        String order = MalformedBodies.VALID_ORDER;
        String post = "POST /orders HTTP/1.1\r\n" + host + json;
        Map<String, String> requests = new LinkedHashMap<>();

        List.of("ZZ", "-1", "0x10", "FFFFFFFFFFFFFFFFFFFFFFFF", "", " ", "1 2", "\u0000").forEach(size ->
                requests.put("chunk size \"" + size + "\"", post + "Transfer-Encoding: chunked\r\n\r\n" + size + "\r\n{}\r\n0\r\n\r\n"));
        requests.put("chunk longer than its data", post + "Transfer-Encoding: chunked\r\n\r\n400\r\n" + order);
        requests.put("chunk without its CRLF", post + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}XX0\r\n\r\n");
        requests.put("no last chunk", post + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n");
        requests.put("chunked then gzip", post + "Transfer-Encoding: chunked, gzip\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
        requests.put("transfer-encoding gzip", post + "Transfer-Encoding: gzip\r\n\r\n{}");
        requests.put("body shorter than Content-Length", post + "Content-Length: 100\r\n\r\n" + order);
        requests.put("Content-Length 1, no body", post + "Content-Length: 1\r\n\r\n");
        requests.put("Content-Length and Transfer-Encoding", post + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
        requests.put("two Content-Lengths", post + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}");
        requests.put("negative Content-Length", post + "Content-Length: -1\r\n\r\n{}");
        requests.put("Content-Length not a number", post + "Content-Length: abc\r\n\r\n{}");
        requests.put("Content-Length of 20 digits", post + "Content-Length: 99999999999999999999\r\n\r\n{}");
        requests.put("Content-Length over the limit", post + "Content-Length: 70000\r\n\r\n{}");
        requests.put("bogus charset", post.replace(json, "Content-Type: application/json; charset=bogus\r\n")
                + "Content-Length: " + order.length() + "\r\n\r\n" + order);
        requests.put("charset utf-16", post.replace(json, "Content-Type: application/json; charset=utf-16\r\n")
                + "Content-Length: " + order.length() + "\r\n\r\n" + order);
        requests.put("text/plain", post.replace(json, "Content-Type: text/plain\r\n") + "Content-Length: "
                + order.length() + "\r\n\r\n" + order);
        requests.put("no Content-Type", post.replace(json, "") + "Content-Length: " + order.length() + "\r\n\r\n" + order);
        requests.put("form content", post.replace(json, "Content-Type: application/x-www-form-urlencoded\r\n")
                + "Content-Length: 5\r\n\r\na=b&c");
        requests.put("Origin of another site", post + "Origin: http://evil.example\r\nContent-Length: " + order.length()
                + "\r\n\r\n" + order);
        requests.put("Host of another site", post.replace(host, "Host: evil.example:" + port + "\r\n")
                + "Content-Length: " + order.length() + "\r\n\r\n" + order);
        requests.put("Expect: 100-continue, then a bad body", post + "Expect: 100-continue\r\nContent-Length: 3\r\n\r\n{{{");
        requests.put("Expect: something else", post + "Expect: a-miracle\r\nContent-Length: 2\r\n\r\n{}");

        // An unsupported HTTP version is answered 505 (RFC 9110), not a 4xx: ProtocolErrorsTest checks those.
        List.of("GARBAGE", "GET", "GET /health HTTP/1.1 extra", "\u0000\u0001\u0002",
                "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u00fc\u0003\u0003", "GET /health HTTP/2.0", "PRI * HTTP/2.0\r\n\r\nSM",
                "GET health HTTP/1.1", "GET /orders/%zz HTTP/1.1", "GET /orders/%00 HTTP/1.1", "GET * HTTP/1.1",
                "GET /orders/\u00ff HTTP/1.1", "GET /orders/a\u0001b HTTP/1.1")
                .forEach(line -> requests.put("request line \"" + MalformedBodies.shorten(line) + "\"",
                        line + "\r\n" + host + "\r\n"));
        requests.put("URI too long", "GET /orders/" + "a".repeat(9_000) + " HTTP/1.1\r\n" + host + "\r\n");
        requests.put("header too long", "GET /health HTTP/1.1\r\n" + host + "X-Big: " + "a".repeat(9_000) + "\r\n\r\n");
        requests.put("too many headers", "GET /health HTTP/1.1\r\n" + host + "X-Many: aaaaaaaaaa\r\n".repeat(600) + "\r\n");
        requests.put("header without a colon", "GET /health HTTP/1.1\r\n" + host + "NoColonHere\r\n\r\n");
        requests.put("header name with a space", "GET /health HTTP/1.1\r\n" + host + "Bad Name: x\r\n\r\n");
        requests.put("folded header", "GET /health HTTP/1.1\r\n" + host + "X-A: a\r\n folded\r\n\r\n");
        requests.put("NUL in a header", "GET /health HTTP/1.1\r\n" + host + "X-A: a\u0000b\r\n\r\n");
        requests.put("no Host", "GET /health HTTP/1.1\r\n\r\n");
        requests.put("two Hosts", "GET /health HTTP/1.1\r\n" + host + host + "\r\n");
        requests.put("Host with spaces", "GET /health HTTP/1.1\r\nHost: a b c\r\n\r\n");
        requests.put("Host with user info", "GET /health HTTP/1.1\r\nHost: user@127.0.0.1:" + port + "\r\n\r\n");
        requests.put("HTTP/1.0 POST without Host", "POST /orders HTTP/1.0\r\n" + json + "Content-Length: "
                + order.length() + "\r\n\r\n" + order);
        for (String method : List.of("DELETE /orders", "PATCH /faults", "FOO /orders", "TRACE /health", "POST /health",
                "PUT /orders", "DELETE /faults")) {
            requests.put(method, method + " HTTP/1.1\r\n" + host + json + "Content-Length: 2\r\n\r\n{}");
        }
        List.of("/nothing-here", "/orders/does-not-exist", "/orders/..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd",
                "/orders/" + "b".repeat(65)).forEach(path ->
                requests.put("GET " + MalformedBodies.shorten(path), "GET " + path + " HTTP/1.1\r\n" + host + "\r\n"));
        return requests;
    }
}
