package org.jinlin.query.web;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/** Asks the query bus and hands back the answer, or the handler's own exception (a 400 or 404 in domain words). */
@Component
public class Queries {

    private final QueryGateway gateway;

    public Queries(QueryGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R one(Object query, Class<R> answer) {
        return await(() -> gateway.query(query, ResponseTypes.instanceOf(answer)).join());
    }

    public <R> Optional<R> optional(Object query, Class<R> answer) {
        return await(() -> gateway.query(query, ResponseTypes.optionalInstanceOf(answer)).join());
    }

    public <R> List<R> list(Object query, Class<R> item) {
        return await(() -> gateway.query(query, ResponseTypes.multipleInstancesOf(item)).join());
    }

    private static <T> T await(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
