package org.ecabinet.platform;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who, from where, and in answer to what: copied from each command onto every event it causes, so the
 * history of any aggregate says who did what (Axon stamps the time).
 */
@Configuration(proxyBeanMethods = false)
public class AuditMetadata {

    public static final String USER_ID = "userId";
    public static final String REMOTE_ADDRESS = "remoteAddress";
    public static final String USER_AGENT = "userAgent";
    /** The request's idempotency key, as a digest with its caller (see the idempotency filter). */
    public static final String REQUEST_KEY = "requestKey";

    @Bean
    CorrelationDataProvider auditCorrelation() {
        return new SimpleCorrelationDataProvider(USER_ID, REMOTE_ADDRESS, USER_AGENT, REQUEST_KEY);
    }

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }
}
