package org.ecabinet.dispatch;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The document interconnection axis as this system sees it: {@code peers} maps the code of an
 * organisation hosted on another system to that system's URL ({@code cabinet.axis.peers[000.00.00.G12]=http://…}).
 * Every other organisation of the directory is hosted here.
 */
@ConfigurationProperties("cabinet.axis")
record AxisProperties(Map<String, URI> peers) {

    AxisProperties {
        peers = peers == null ? Map.of() : Map.copyOf(peers);
    }

    boolean hostedHere(String organId) {
        return !peers.containsKey(organId);
    }

    List<String> hostedHere(List<String> organIds) {
        return organIds.stream().filter(this::hostedHere).toList();
    }
}
