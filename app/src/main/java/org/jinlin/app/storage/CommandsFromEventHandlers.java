package org.jinlin.app.storage;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.jinlin.query.readmodel.EventProcessorThreads;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Tells the embedded store when an event handler sends a command (the hardship reassessment does): the command's
 * events then commit in the event processor's transaction, and the other processors must not commit what they
 * read from them before they are in the file ({@link DurableH2Commits}).
 */
@Component
class CommandsFromEventHandlers implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        if (EventProcessorThreads.isCurrent()) {
            DurableH2Commits.commandSentFromThisThread();
        }
        return (index, command) -> command;
    }
}
