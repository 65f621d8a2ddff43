package org.jinlin.command.handling;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.jinlin.command.web.IdempotencyStore;
import org.jinlin.kernel.MetadataKeys;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Records a command's {@code Idempotency-Key} and its answer in the same transaction as its events: either both
 * are stored or neither, so a repeated request can never append twice, even across a crash.
 */
@Component
@Order(IdempotencyInterceptor.ORDER)
public class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    public static final int ORDER = 100;

    private final IdempotencyStore store;

    public IdempotencyInterceptor(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        Object result = chain.proceed();
        var metaData = unitOfWork.getMessage().getMetaData();
        Object key = metaData.get(MetadataKeys.IDEMPOTENCY_KEY);
        if (key != null && result instanceof CommandAck ack) {
            store.record(String.valueOf(metaData.get(MetadataKeys.ACTOR)), key.toString(),
                         String.valueOf(metaData.get(MetadataKeys.IDEMPOTENCY_FINGERPRINT)),
                         unitOfWork.getMessage().getCommandName(), ack);
        }
        return result;
    }
}
