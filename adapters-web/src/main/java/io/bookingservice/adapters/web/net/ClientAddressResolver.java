package io.bookingservice.adapters.web.net;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Who the client is and which origin it reached: the one place that reads forwarding headers
 * ({@code BOOKING_TRUSTED_PROXIES}, a list of CIDRs, empty by default).
 *
 * <p><b>Client address</b> ({@link #clientAddress}): when the socket peer is not a trusted
 * proxy, its own address, whatever the headers say. When it is, the hops of {@code Forwarded:
 * for=} (RFC 7239) or else {@code X-Forwarded-For} are walked from the right — the hops our own
 * proxies appended — skipping trusted addresses; the first untrusted one is the client. Anything
 * left of it was written by the client and is never read. A header that cannot be parsed up to
 * that hop (bad syntax, {@code unknown}, an obfuscated or non-IP node, both headers at once —
 * one of them would then come from the client unchecked) gives the socket address. If every hop
 * is trusted, the left-most is the client (a proxy calling us itself).
 *
 * <p>Not Jetty's {@code ForwardedRequestCustomizer} nor Spring's {@code ForwardedHeaderFilter}:
 * both trust every peer and take the left-most value, which the client writes, so anyone could
 * pick the address the login throttle counts against.
 *
 * <p><b>Own origin</b> ({@link #ownOrigin}): from a trusted peer, the forwarded protocol and host
 * ({@code Forwarded: proto= host=} of the element naming the client, else the right-most
 * {@code X-Forwarded-Proto}, {@code X-Forwarded-Host}, {@code X-Forwarded-Port}), so that the
 * same-origin check of {@code POST /token} works behind a TLS-terminating proxy; otherwise, or
 * when they are malformed, the request's own scheme, host and port.
 *
 * <p>Addresses are IP literals only: CIDRs are matched with Spring Security's
 * {@link IpAddressMatcher}, literals parsed by the JDK's {@link InetAddress} only after a syntax
 * check that leaves it no host name to look up — no DNS lookup, ever. IPv4-mapped IPv6
 * ({@code ::ffff:192.0.2.1}) is the IPv4 address; results are canonical text
 * ({@link InetAddress#getHostAddress()}), IPv6 without brackets. No library on the classpath walks
 * the header from the right, hence the small strict parser here. Immutable, thread-safe.
 */
public final class ClientAddressResolver {

    /** More hops than any sane proxy chain; a longer list is walked no further (socket address). */
    static final int MAX_HOPS = 32;

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** What an IPv6 literal may contain (the JDK then parses it without a lookup: it has a colon). */
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("([0-9.]{7,15}):(\\d{1,5})");
    private static final Pattern BRACKETED = Pattern.compile("\\[([0-9A-Fa-f:.]{2,45})](?::(\\d{1,5}))?");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** host or host:port, the host a DNS name, IPv4 or bracketed IPv6 literal (RFC 3986 authority, no user info). */
    private static final Pattern HOST = Pattern.compile(
            "([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
                    + "|\\[[0-9A-Fa-f:.]{2,45}])(?::(\\d{1,5}))?");
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");

    private final List<IpAddressMatcher> trusted;
    private final List<String> cidrs;

    private ClientAddressResolver(List<IpAddressMatcher> trusted, List<String> cidrs) {
        this.trusted = trusted;
        this.cidrs = cidrs;
    }

    /** Trusts no proxy: the socket peer is the client, forwarding headers are ignored. */
    public static ClientAddressResolver trustingNoProxies() {
        return new ClientAddressResolver(List.of(), List.of());
    }

    /**
     * @param cidrs addresses or CIDR blocks of our own proxies ({@code 10.0.0.0/8}, {@code 2001:db8::/32},
     *              {@code 192.0.2.7})
     * @throws IllegalArgumentException naming the first entry that is not an IP literal or CIDR
     */
    public static ClientAddressResolver trusting(List<String> cidrs) {
        List<IpAddressMatcher> matchers = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String raw : Objects.requireNonNull(cidrs, "cidrs")) {
            String cidr = raw.strip();
            int slash = cidr.indexOf('/');
            String address = slash < 0 ? cidr : cidr.substring(0, slash);
            Optional<InetAddress> parsed = parseLiteral(address);
            boolean validMask = slash < 0 || validMask(cidr.substring(slash + 1), parsed);
            if (parsed.isEmpty() || !validMask) {
                throw new IllegalArgumentException("BOOKING_TRUSTED_PROXIES: '" + cidr
                        + "' is not an IP address or CIDR block (such as 10.0.0.0/8 or 2001:db8::/32)");
            }
            matchers.add(new IpAddressMatcher(cidr));
            kept.add(cidr);
        }
        return new ClientAddressResolver(List.copyOf(matchers), List.copyOf(kept));
    }

    /** The configured CIDRs, as given; for the start-up log. */
    public List<String> trustedProxies() {
        return cidrs;
    }

    /** The client's address, canonical (see the class comment). */
    public String clientAddress(HttpServletRequest request) {
        String socket = request.getRemoteAddr();
        Optional<InetAddress> peer = parseNode(socket);
        if (peer.isEmpty()) {
            return socket;
        }
        if (!isTrusted(peer.get())) {
            return peer.get().getHostAddress();
        }
        return forwardedElements(request)
                .flatMap(elements -> walk(elements))
                .map(hop -> hop.address.getHostAddress())
                .orElse(peer.get().getHostAddress());
    }

    /**
     * The origin ({@code scheme://host[:port]}, the port left out when it is the scheme's default)
     * under which the client reached this service.
     */
    public String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        String host = request.getServerName();
        int port = request.getServerPort();
        if (isTrustedPeer(request)) {
            Optional<Forwarded> forwarded = forwardedOrigin(request);
            if (forwarded.isPresent()) {
                scheme = forwarded.get().scheme;
                host = forwarded.get().host;
                port = forwarded.get().port;
            }
        }
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + host + (defaultPort || port < 0 ? "" : ":" + port);
    }

    private boolean isTrustedPeer(HttpServletRequest request) {
        return parseNode(request.getRemoteAddr()).filter(this::isTrusted).isPresent();
    }

    private boolean isTrusted(InetAddress address) {
        if (trusted.isEmpty()) {
            return false;
        }
        String text = address.getHostAddress();
        for (IpAddressMatcher matcher : trusted) {
            if (matcher.matches(text)) {
                return true;
            }
        }
        return false;
    }

    /** One {@code name=value} of a forwarded element, the name lower-cased, the value unquoted. */
    record Pair(String name, String value) {
    }

    /** One hop of the chain: its address, and (Forwarded only) the proto and host its proxy saw. */
    private record Hop(InetAddress address, String proto, String host) {
    }

    /** Forwarded origin parts, already validated. */
    private record Forwarded(String scheme, String host, int port) {
    }

    /**
     * The hops named by {@code Forwarded} or else {@code X-Forwarded-For}, left to right, each still
     * unparsed; empty when there is no such header or it is malformed.
     */
    private static Optional<List<List<Pair>>> forwardedElements(HttpServletRequest request) {
        List<String> forwarded = Collections.list(request.getHeaders("Forwarded"));
        List<String> xff = Collections.list(request.getHeaders("X-Forwarded-For"));
        if (!forwarded.isEmpty() && !xff.isEmpty()) {
            return Optional.empty();
        }
        if (!forwarded.isEmpty()) {
            return parseForwarded(String.join(",", forwarded));
        }
        if (xff.isEmpty()) {
            return Optional.empty();
        }
        List<List<Pair>> elements = new ArrayList<>();
        for (String hop : String.join(",", xff).split(",", -1)) {
            elements.add(List.of(new Pair("for", hop.strip())));
        }
        return Optional.of(elements);
    }

    /** The first untrusted hop from the right; empty when one on the way is not an IP literal. */
    private Optional<Hop> walk(List<List<Pair>> elements) {
        int walked = 0;
        Hop leftMost = null;
        for (int i = elements.size() - 1; i >= 0; i--) {
            if (++walked > MAX_HOPS) {
                return Optional.empty();
            }
            Optional<Hop> hop = hopOf(elements.get(i));
            if (hop.isEmpty()) {
                return Optional.empty();
            }
            if (!isTrusted(hop.get().address)) {
                return hop;
            }
            leftMost = hop.get();
        }
        return Optional.ofNullable(leftMost);
    }

    private static Optional<Hop> hopOf(List<Pair> pairs) {
        String forValue = null;
        String proto = null;
        String host = null;
        Set<String> seen = new HashSet<>();
        for (Pair pair : pairs) {
            if (!seen.add(pair.name())) {
                // RFC 7239: each parameter at most once per element.
                return Optional.empty();
            }
            switch (pair.name()) {
                case "for" -> forValue = pair.value();
                case "proto" -> proto = pair.value();
                case "host" -> host = pair.value();
                default -> {
                    // "by" and extensions say nothing about the client.
                }
            }
        }
        if (forValue == null) {
            return Optional.empty();
        }
        Optional<InetAddress> address = parseNode(forValue);
        return address.isEmpty() ? Optional.empty() : Optional.of(new Hop(address.get(), proto, host));
    }

    private Optional<Forwarded> forwardedOrigin(HttpServletRequest request) {
        String proto;
        String host;
        String port = null;
        if (request.getHeader("Forwarded") != null) {
            Optional<Hop> hop = forwardedElements(request).flatMap(this::walk);
            if (hop.isEmpty()) {
                return Optional.empty();
            }
            proto = hop.get().proto;
            host = hop.get().host;
        } else {
            proto = rightMost(request, "X-Forwarded-Proto");
            host = rightMost(request, "X-Forwarded-Host");
            port = rightMost(request, "X-Forwarded-Port");
        }
        if (proto == null && host == null) {
            return Optional.empty();
        }
        String scheme = proto == null ? request.getScheme().toLowerCase(Locale.ROOT) : proto.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.empty();
        }
        String authority = host != null ? host : request.getHeader("Host");
        if (authority == null) {
            return Optional.empty();
        }
        Matcher parts = HOST.matcher(authority);
        if (!parts.matches() || (port != null && !PORT.matcher(port).matches())) {
            return Optional.empty();
        }
        String portText = parts.group(2) != null ? parts.group(2) : port;
        int number = portText != null ? Integer.parseInt(portText) : ("https".equals(scheme) ? 443 : 80);
        if (number < 1 || number > 65535) {
            return Optional.empty();
        }
        return Optional.of(new Forwarded(scheme, parts.group(1).toLowerCase(Locale.ROOT), number));
    }

    /** The last comma-separated value over all lines of a header (the one our proxy wrote), or null. */
    private static String rightMost(HttpServletRequest request, String name) {
        List<String> lines = Collections.list(request.getHeaders(name));
        if (lines.isEmpty()) {
            return null;
        }
        String joined = String.join(",", lines);
        String last = joined.substring(joined.lastIndexOf(',') + 1).strip();
        return last.isEmpty() ? null : last;
    }

    /**
     * RFC 7239: {@code 1#forwarded-element}, each {@code forwarded-pair *( ";" forwarded-pair )},
     * a pair {@code token "=" ( token / quoted-string )}. Names are lower-cased. Empty on any
     * syntax error.
     */
    static Optional<List<List<Pair>>> parseForwarded(String header) {
        List<List<Pair>> elements = new ArrayList<>();
        List<Pair> pairs = new ArrayList<>();
        int i = 0;
        int n = header.length();
        while (true) {
            i = skipSpace(header, i);
            int nameStart = i;
            while (i < n && header.charAt(i) != '=' && header.charAt(i) != ';' && header.charAt(i) != ',') {
                i++;
            }
            String name = header.substring(nameStart, i).strip();
            if (i >= n || header.charAt(i) != '=' || !TOKEN.matcher(name).matches()) {
                return Optional.empty();
            }
            i++;
            String value;
            if (i < n && header.charAt(i) == '"') {
                StringBuilder quoted = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = header.charAt(i++);
                    if (c == '\\' && i < n) {
                        quoted.append(header.charAt(i++));
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        quoted.append(c);
                    }
                }
                if (!closed) {
                    return Optional.empty();
                }
                value = quoted.toString();
            } else {
                int valueStart = i;
                while (i < n && header.charAt(i) != ';' && header.charAt(i) != ',') {
                    i++;
                }
                value = header.substring(valueStart, i).strip();
                if (!TOKEN.matcher(value).matches()) {
                    return Optional.empty();
                }
            }
            pairs.add(new Pair(name.toLowerCase(Locale.ROOT), value));
            i = skipSpace(header, i);
            if (i >= n) {
                elements.add(pairs);
                return Optional.of(elements);
            }
            char separator = header.charAt(i++);
            if (separator == ',') {
                elements.add(pairs);
                pairs = new ArrayList<>();
            } else if (separator != ';') {
                return Optional.empty();
            }
        }
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /**
     * A node as proxies write it — {@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code 2001:db8::1},
     * {@code [2001:db8::1]}, {@code [2001:db8::1]:4711} — as an address; empty for anything else
     * ({@code unknown}, {@code _hidden}, host names, zone ids, garbage).
     */
    static Optional<InetAddress> parseNode(String node) {
        if (node == null) {
            return Optional.empty();
        }
        String text = node.strip();
        Matcher bracketed = BRACKETED.matcher(text);
        if (bracketed.matches()) {
            // Brackets only ever hold IPv6.
            return bracketed.group(1).indexOf(':') < 0 || !validPort(bracketed.group(2))
                    ? Optional.empty() : parseLiteral(bracketed.group(1));
        }
        Matcher withPort = IPV4_WITH_PORT.matcher(text);
        if (withPort.matches()) {
            return validPort(withPort.group(2)) ? parseLiteral(withPort.group(1)) : Optional.empty();
        }
        return parseLiteral(text);
    }

    private static boolean validPort(String port) {
        return port == null || Integer.parseInt(port) <= 65535;
    }

    /** An IPv4 or IPv6 literal, parsed without any lookup; empty for anything else. */
    private static Optional<InetAddress> parseLiteral(String text) {
        try {
            if (IPV4.matcher(text).matches()) {
                String[] octets = text.split("\\.");
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    bytes[i] = (byte) Integer.parseInt(octets[i]);
                }
                return Optional.of(InetAddress.getByAddress(bytes));
            }
            // Only hex digits, dots and at least one colon: InetAddress parses it as an IPv6
            // literal or throws, it never asks DNS about a string containing a colon.
            if (text.indexOf(':') >= 0 && IPV6_CHARS.matcher(text).matches()) {
                return Optional.of(InetAddress.getByName(text));
            }
        } catch (UnknownHostException e) {
            // Not a valid literal: the same as any other garbage.
        }
        return Optional.empty();
    }

    private static boolean validMask(String mask, Optional<InetAddress> address) {
        if (address.isEmpty() || !mask.matches("\\d{1,3}")) {
            return false;
        }
        int bits = Integer.parseInt(mask);
        return bits <= address.get().getAddress().length * 8;
    }

    @Override
    public String toString() {
        return "ClientAddressResolver[trustedProxies=" + cidrs + "]";
    }
}
