package org.ecabinet.platform.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.regex.Pattern;

import org.ecabinet.platform.secrets.SecretValue;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Where a request came from, for sign-in throttling and the audit metadata of the events it causes. The
 * direct peer is the client unless it is a configured proxy ({@code cabinet.proxies.trusted}: addresses or
 * CIDR ranges) that, when {@code cabinet.proxies.key} (or the file {@code key-file}) is set, also shows that key in
 * {@code X-Cabinet-Proxy-Key};
 * then {@code X-Forwarded-For} is read from the right, skipping trusted proxies, and its first other entry is
 * the client. Anyone else's forwarding header is ignored: it is only what the client says of itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestOrigin implements WebFilter {

    public static final String PROXY_KEY_HEADER = "X-Cabinet-Proxy-Key";
    private static final String ATTRIBUTE = RequestOrigin.class.getName() + ".address";
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    /** With a colon, the JDK parses an IPv6 literal and never looks a name up. */
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F.]*:[0-9a-fA-F:.]{1,44}");

    @ConfigurationProperties("cabinet.proxies")
    public record Proxies(List<String> trusted, String key, String keyFile) {
        public Proxies {
            trusted = trusted == null ? List.of() : List.copyOf(trusted);
        }
    }

    private final List<AddressRange> trusted;
    private final byte[] key;

    RequestOrigin(Proxies proxies) {
        this.trusted = proxies.trusted().stream().map(String::strip).filter(s -> !s.isEmpty()).map(AddressRange::parse).toList();
        String shared = SecretValue.of(proxies.key(), proxies.keyFile());
        this.key = shared == null ? null : shared.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getAttributes().put(ATTRIBUTE, resolve(exchange));
        return chain.filter(exchange);
    }

    /** The client's address as resolved for this request. */
    public static String address(ServerWebExchange exchange) {
        Object resolved = exchange.getAttribute(ATTRIBUTE);
        return resolved != null ? resolved.toString() : direct(exchange);
    }

    public static String userAgent(ServerWebExchange exchange) {
        String agent = exchange.getRequest().getHeaders().getFirst("User-Agent");
        return agent == null ? "" : agent.length() > 200 ? agent.substring(0, 200) : agent;
    }

    private String resolve(ServerWebExchange exchange) {
        String peer = direct(exchange);
        if (!isTrustedProxy(peer) || !showsKey(exchange)) {
            return peer;
        }
        List<String> forwarded = exchange.getRequest().getHeaders().getOrEmpty("X-Forwarded-For").stream()
                .flatMap(h -> java.util.Arrays.stream(h.split(","))).map(String::strip).toList();
        String client = peer;
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String hop = forwarded.get(i);
            if (!isAddress(hop)) {
                break;
            }
            client = hop;
            if (!isTrustedProxy(hop)) {
                break;
            }
        }
        return client;
    }

    private boolean isTrustedProxy(String address) {
        return isAddress(address) && trusted.stream().anyMatch(r -> r.contains(address));
    }

    private boolean showsKey(ServerWebExchange exchange) {
        if (key == null) {
            return true;
        }
        String shown = exchange.getRequest().getHeaders().getFirst(PROXY_KEY_HEADER);
        return shown != null && MessageDigest.isEqual(key, shown.getBytes(StandardCharsets.UTF_8));
    }

    /** An IP literal, never a name: a name would be looked up, and a forwarded value is not ours to resolve. */
    private static boolean isAddress(String text) {
        if (text == null || text.length() > 45) {
            return false;
        }
        if (IPV4.matcher(text).matches()) {
            return true;
        }
        if (!IPV6.matcher(text).matches()) {
            return false;
        }
        try {
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException | SecurityException e) {
            return false;
        }
    }

    /** An address or a CIDR range ({@code 10.0.0.0/8}, {@code ::1}). */
    private record AddressRange(byte[] network, int prefix) {

        static AddressRange parse(String text) {
            String[] parts = text.split("/", 2);
            if (!isAddress(parts[0])) {
                throw new IllegalArgumentException("cabinet.proxies.trusted: '" + text + "' is not an IP address or CIDR range.");
            }
            byte[] network = literal(parts[0]);
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8;
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("cabinet.proxies.trusted: bad prefix in '" + text + "'.");
            }
            return new AddressRange(network, prefix);
        }

        boolean contains(String address) {
            byte[] candidate = literal(address);
            if (candidate.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        private static byte[] literal(String address) {
            try {
                return InetAddress.getByName(address).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }

    private static String direct(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null ? "unknown" : remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }
}
