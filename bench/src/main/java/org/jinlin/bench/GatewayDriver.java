package org.jinlin.bench;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jinlin.command.handling.CommandAck;

/** Sends commands in-process through Axon's {@link CommandGateway}, with the metadata the web layer would add. */
final class GatewayDriver implements Driver {

    private final CommandGateway gateway;

    GatewayDriver(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public Answer send(Op op) {
        if (op.isRead()) {
            throw new IllegalArgumentException("the gateway driver sends commands only");
        }
        try {
            Object result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(op.command())
                                                                     .andMetaData(op.metaData()));
            if (result instanceof CommandAck ack) {
                return new Answer(200, ack.id(), ack.version(), null);
            }
            return new Answer(200, op.aggregateId(), -1, null);
        } catch (RuntimeException e) {
            return new Answer(0, null, -1, op.kind() + " → " + e);
        }
    }
}
