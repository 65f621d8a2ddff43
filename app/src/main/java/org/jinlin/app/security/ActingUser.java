package org.jinlin.app.security;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.jinlin.app.web.CorrelationIdFilter;
import org.jinlin.kernel.MetadataKeys;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Stamps every command with who sends it, in which role, and the request's correlation id. The correlation data
 * providers copy these onto every event the command causes, so each stored event says who did it.
 */
@Component
public class ActingUser implements MessageDispatchInterceptor<CommandMessage<?>> {

    public static final String SYSTEM = "system";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(stamp(command));
    }

    private static Map<String, Object> stamp(CommandMessage<?> command) {
        Map<String, Object> metaData = new HashMap<>();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpServletRequest request = currentRequest();
        String actor = authentication == null ? SYSTEM : authentication.getName();
        String role = SYSTEM;
        if (authentication != null && authentication.getPrincipal() instanceof JinlinUser user) {
            role = (request == null ? java.util.Optional.<Role>empty()
                    : AccessRules.actingRole(request, user.roles())
                                 .or(() -> PageRules.actingRole(request, user.roles())))
                    .map(Role::name)
                    .orElse(String.join(",", user.roles().stream().map(Role::name).sorted().toList()));
            if (user.mediatorId() != null) {
                metaData.put(MetadataKeys.MEDIATOR_ID, user.mediatorId());
            }
            if (user.countyCode() != null) {
                metaData.put(MetadataKeys.COUNTY_CODE, user.countyCode());
            }
        }
        metaData.put(MetadataKeys.ACTOR, command.getMetaData().getOrDefault(MetadataKeys.ACTOR, actor));
        metaData.put(MetadataKeys.ROLE, command.getMetaData().getOrDefault(MetadataKeys.ROLE, role));
        Object correlation = request == null ? null : request.getAttribute(CorrelationIdFilter.ATTRIBUTE);
        metaData.put(MetadataKeys.CORRELATION_ID, command.getMetaData().getOrDefault(
                MetadataKeys.CORRELATION_ID, correlation == null ? UUID.randomUUID().toString() : correlation));
        return metaData;
    }

    private static HttpServletRequest currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }
}
