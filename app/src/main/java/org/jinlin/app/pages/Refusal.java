package org.jinlin.app.pages;

import org.axonframework.commandhandling.CommandExecutionException;
import org.jinlin.command.web.IdempotencyKeyReused;
import org.jinlin.command.web.VersionConflict;
import org.jinlin.kernel.FieldError;
import org.jinlin.kernel.Forbidden;
import org.jinlin.kernel.InvalidInput;
import org.jinlin.kernel.NotFound;
import org.jinlin.kernel.RuleViolation;
import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A command the service refused, as a form shows it next to itself: the kind of refusal (a message key), the
 * domain's own words, and the fields at fault. The statuses are the API's for the same refusal.
 *
 * @param titleKey message key of the heading, e.g. {@code refusal.rule}
 * @param detail   the domain's message ("dispute D-17 is RESOLVED; …")
 * @param fields   field name → message, for the inputs at fault
 */
public record Refusal(HttpStatus status, String titleKey, String detail, Map<String, String> fields) {

    /** The refusal a command's failure stands for, or empty when it is not a refusal (then it is a fault). */
    public static Optional<Refusal> of(RuntimeException failure) {
        Throwable cause = failure instanceof CommandExecutionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof InvalidInput invalid) {
            return Optional.of(invalid(invalid.errors()));
        }
        if (cause instanceof RuleViolation rule) {
            return Optional.of(new Refusal(HttpStatus.CONFLICT, "refusal.rule", rule.getMessage(), Map.of()));
        }
        if (cause instanceof VersionConflict conflict) {
            return Optional.of(new Refusal(HttpStatus.CONFLICT, "refusal.version", conflict.getMessage(), Map.of()));
        }
        if (cause instanceof Forbidden forbidden) {
            return Optional.of(new Refusal(HttpStatus.FORBIDDEN, "refusal.forbidden", forbidden.getMessage(), Map.of()));
        }
        if (cause instanceof NotFound notFound) {
            return Optional.of(new Refusal(HttpStatus.NOT_FOUND, "refusal.notFound", notFound.getMessage(), Map.of()));
        }
        if (cause instanceof IdempotencyKeyReused reused) {
            return Optional.of(new Refusal(HttpStatus.UNPROCESSABLE_ENTITY, "refusal.repeated", reused.getMessage(),
                                           Map.of()));
        }
        return Optional.empty();
    }

    public static Refusal invalid(List<FieldError> errors) {
        Map<String, String> fields = new LinkedHashMap<>();
        StringBuilder detail = new StringBuilder();
        for (FieldError error : errors) {
            fields.merge(error.field(), error.message(), (a, b) -> a + "; " + b);
            if (!detail.isEmpty()) {
                detail.append("; ");
            }
            detail.append(error.field()).append(": ").append(error.message());
        }
        return new Refusal(HttpStatus.BAD_REQUEST, "refusal.invalid", detail.toString(), fields);
    }

    /** The message for one input, or null: {@code refusal.field('note')} in a template. */
    public String field(String name) {
        return fields.get(name);
    }
}
