package org.ecabinet.dispatch;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AxisProperties.class)
class DispatchConfiguration {

    /**
     * A delivery that fails (the other system is down) stops the processor, which retries from the same
     * event with back-off: nothing is skipped, and the order of a document's messages is kept.
     */
    @Bean
    ConfigurerModule axisDeliveryRetries() {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessor(AxisDelivery.PROCESSING_GROUP, org.axonframework.config.Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing())
                .registerListenerInvocationErrorHandler(AxisDelivery.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
