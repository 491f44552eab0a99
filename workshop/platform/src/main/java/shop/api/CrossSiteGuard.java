package shop.api;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.javalin.http.Context;

/**
 * Keeps a web page elsewhere from changing the shop's state. A browser lets any page POST text/plain to
 * 127.0.0.1 without asking, and DNS rebinding lets a page reach the shop under the page's own host name. So every
 * request that may change state (any method but GET, HEAD and OPTIONS) must
 * <ul>
 *   <li>name this server in {@code Host}: localhost, a loopback address or the bound address, with this port
 *       (403 otherwise; a rebound name is none of these);</li>
 *   <li>come from this server's own origin if it sends {@code Origin} (403 otherwise);</li>
 *   <li>say {@code Content-Type: application/json}, UTF-8 if a charset is given (415 otherwise): a page
 *       elsewhere can send that only after a CORS preflight, which the shop never grants.</li>
 * </ul>
 */
final class CrossSiteGuard {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Set<String> hostNames;
    private final int port;

    private CrossSiteGuard(Set<String> hostNames, int port) {
        this.hostNames = Set.copyOf(hostNames);
        this.port = port;
    }

    /** @param boundHost the address the server listens on; a wildcard (0.0.0.0, ::) means every local address */
    static CrossSiteGuard forServer(String boundHost, int port) {
        Set<String> names = new HashSet<>(Set.of("localhost", "127.0.0.1", "[::1]"));
        String bound = boundHost.toLowerCase(Locale.ROOT);
        if (bound.equals("0.0.0.0") || bound.equals("::") || bound.equals("[::]") || bound.isEmpty()) {
            names.addAll(localAddresses());
        } else {
            names.add(bound.contains(":") && !bound.startsWith("[") ? "[" + bound + "]" : bound);
        }
        return new CrossSiteGuard(names, port);
    }

    void check(Context ctx) {
        if (SAFE_METHODS.contains(ctx.req().getMethod())) {
            return;
        }
        checkHost(ctx.header("Host"));
        checkOrigin(ctx.header("Origin"));
        checkContentType(ctx.header("Content-Type"));
    }

    private void checkHost(String host) {
        if (host == null || !isThisServer(host.trim().toLowerCase(Locale.ROOT))) {
            throw new ApiError(403, "Host", "Host: " + quoted(host) + " does not name this shop; send requests that "
                    + "change state to localhost:" + port + " or 127.0.0.1:" + port);
        }
    }

    private boolean isThisServer(String authority) {
        int colon = authority.lastIndexOf(':');
        if (colon < 0 || authority.endsWith("]")) {
            return false; // no port: the default port 80 is not this server's
        }
        return hostNames.contains(authority.substring(0, colon)) && authority.substring(colon + 1).equals(Integer.toString(port));
    }

    private void checkOrigin(String origin) {
        if (origin == null) {
            return;
        }
        try {
            URI uri = new URI(origin.trim());
            boolean noPath = uri.getRawPath() == null || uri.getRawPath().isEmpty();
            if ("http".equalsIgnoreCase(uri.getScheme()) && noPath && uri.getHost() != null
                    && isThisServer(uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort())) {
                return;
            }
        } catch (URISyntaxException malformed) {
            // refused below, like any other origin
        }
        throw new ApiError(403, "Origin", "Origin: " + quoted(origin) + " is another site; the shop accepts requests "
                + "that change state only from its own pages (http://localhost:" + port + ")");
    }

    private static void checkContentType(String contentType) {
        String[] parts = contentType == null ? new String[] {""} : contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            throw new ApiError(415, "Content-Type", "Content-Type: must be application/json, was " + quoted(contentType));
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset")) {
                String charset = parameter.length < 2 ? "" : parameter[1].trim().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                    throw new ApiError(415, "Content-Type", "Content-Type: JSON is UTF-8, so the charset must be "
                            + "utf-8 or left out, was " + quoted(charset));
                }
            }
        }
    }

    private static Set<String> localAddresses() {
        Set<String> names = new HashSet<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    String literal = address.getHostAddress().replaceFirst("%.*$", "").toLowerCase(Locale.ROOT);
                    names.add(address instanceof Inet6Address ? "[" + literal + "]" : literal);
                }
            }
        } catch (SocketException e) {
            // only the loopback names then
        }
        return names;
    }

    private static String quoted(String value) {
        return value == null ? "(missing)" : "\"" + Printable.of(value) + "\"";
    }
}
