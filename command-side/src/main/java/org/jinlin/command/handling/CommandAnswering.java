package org.jinlin.command.handling;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Makes every command answer {@link CommandAck}: the target aggregate's id and its version after the handler
 * ran. The repository hands back the instance this unit of work already holds, so the version includes the
 * events just applied, whether the command created the aggregate or changed it.
 */
@Component
@Order(CommandAnswering.ORDER)
public class CommandAnswering implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** Runs inside {@link IdempotencyInterceptor}, which stores this answer. */
    public static final int ORDER = IdempotencyInterceptor.ORDER + 1;

    private final ObjectProvider<Configuration> axon;
    private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();
    private volatile Map<String, Repository<?>> repositoryByCommand;

    public CommandAnswering(ObjectProvider<Configuration> axon) {
        this.axon = axon;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        chain.proceed();
        CommandMessage<?> command = unitOfWork.getMessage();
        Repository<?> repository = repositories().get(command.getCommandName());
        if (repository == null) {
            throw new IllegalStateException("no aggregate handles " + command.getCommandName());
        }
        String id = targets.resolveTarget(command).getIdentifier();
        Long version = repository.load(id).version();
        return new CommandAck(id, version == null ? 0 : version);
    }

    private Map<String, Repository<?>> repositories() {
        Map<String, Repository<?>> known = repositoryByCommand;
        if (known == null) {
            known = new HashMap<>();
            Configuration configuration = axon.getObject();
            for (AggregateConfiguration<?> aggregate : configuration.findModules(AggregateConfiguration.class)) {
                register(known, aggregate, configuration);
            }
            repositoryByCommand = known;
        }
        return known;
    }

    private static <A> void register(Map<String, Repository<?>> known, AggregateConfiguration<A> aggregate,
                                     Configuration configuration) {
        Class<A> type = aggregate.aggregateType();
        AnnotatedAggregateMetaModelFactory.inspectAggregate(type, configuration.parameterResolverFactory(),
                                                            configuration.handlerDefinition(type))
                                          .commandHandlers(type)
                                          .map(MessageHandlingMember::payloadType)
                                          .forEach(command -> known.put(command.getName(), aggregate.repository()));
    }
}
