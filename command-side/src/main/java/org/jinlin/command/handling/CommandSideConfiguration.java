package org.jinlin.command.handling;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.jinlin.command.registry.CommandSideLookups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class CommandSideConfiguration {

    /**
     * The lookups are part of the command's transaction: a subscribing processor handles the events while they
     * are appended, and any failure there propagates and rolls the whole command back.
     */
    @Bean
    ConfigurerModule commandLookupsInTheCommandTransaction() {
        return configurer -> configurer.eventProcessing()
                                       .registerSubscribingEventProcessor(CommandSideLookups.PROCESSING_GROUP)
                                       .registerListenerInvocationErrorHandler(
                                               CommandSideLookups.PROCESSING_GROUP,
                                               c -> PropagatingErrorHandler.instance());
    }
}
