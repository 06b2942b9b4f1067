package org.ecabinet.platform.web;

import java.net.InetSocketAddress;

import org.springframework.web.server.ServerWebExchange;

/** Where a request came from, for the audit metadata of the events it causes. */
public final class RequestOrigin {

    private RequestOrigin() {
    }

    /**
     * The client's address. A forwarding header is trusted only when the direct peer is on the loopback,
     * i.e. our own frontend or a local proxy: elsewhere anyone could write it.
     */
    public static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String direct = remote == null ? "unknown" : remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
        String forwarded = exchange.getRequest().getHeaders().getFirst("X-Forwarded-For");
        boolean fromLoopback = remote != null && remote.getAddress() != null && remote.getAddress().isLoopbackAddress();
        if (fromLoopback && forwarded != null && !forwarded.isBlank()) {
            String first = forwarded.split(",")[0].trim();
            return first.length() > 64 ? first.substring(0, 64) : first;
        }
        return direct;
    }

    public static String userAgent(ServerWebExchange exchange) {
        String agent = exchange.getRequest().getHeaders().getFirst("User-Agent");
        return agent == null ? "" : agent.length() > 200 ? agent.substring(0, 200) : agent;
    }
}
