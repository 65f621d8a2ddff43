package org.jinlin.app.pages;

import org.jinlin.command.handling.CommandAck;
import org.jinlin.command.web.CommandSender;
import org.jinlin.kernel.AsOf;
import org.jinlin.kernel.FieldError;
import org.jinlin.kernel.InvalidInput;
import org.springframework.validation.BindingResult;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Sends a form's command through the API's own {@link CommandSender}: the same acting user, validation,
 * idempotency and version checks as {@code POST /api/...}. A refusal comes back to be shown next to the form;
 * anything else is a fault and propagates.
 */
@Component
public class Forms {

    private final CommandSender commands;

    public Forms(CommandSender commands) {
        this.commands = commands;
    }

    /** What became of a form: stored (with the event token to read it back) or refused. */
    public record Outcome(CommandAck ack, String eventToken, Refusal refusal) {

        public boolean refused() {
            return refusal != null;
        }
    }

    /**
     * Builds the command (its own checks may refuse it) and sends it. {@code idempotencyKey} is the form's hidden
     * key, so a form sent twice (a double tap on a phone) is stored once.
     */
    public Outcome send(Supplier<Object> command, boolean creates, String idempotencyKey) {
        try {
            ResponseEntity<CommandAck> answer = commands.submit(command.get(), creates, idempotencyKey);
            return new Outcome(answer.getBody(), answer.getHeaders().getFirst(CommandSender.EVENT_TOKEN), null);
        } catch (RuntimeException failure) {
            return Refusal.of(failure).map(refusal -> new Outcome(null, null, refusal)).orElseThrow(() -> failure);
        }
    }

    /**
     * As {@link #send(Supplier, boolean, String)}, for a form some of whose values could not even be read (a letter
     * in a number field): then nothing is sent, and the refusal names those fields together with every other
     * field the command's own checks find at fault, so the reader fixes everything at once.
     */
    public Outcome send(BindingResult binding, Supplier<Object> command, boolean creates, String idempotencyKey) {
        if (!binding.hasErrors()) {
            return send(command, creates, idempotencyKey);
        }
        List<FieldError> errors = new ArrayList<>();
        binding.getFieldErrors().forEach(error -> errors.add(new FieldError(
                error.getField(), "is not a valid value: " + error.getRejectedValue())));
        try {
            command.get();
        } catch (InvalidInput invalid) {
            invalid.errors().stream()
                   .filter(error -> errors.stream().noneMatch(e -> e.field().equals(error.field())))
                   .forEach(errors::add);
        }
        return new Outcome(null, null, Refusal.invalid(errors));
    }

    /** A fresh key for a form about to be shown. */
    public static String newKey() {
        return UUID.randomUUID().toString();
    }

    /**
     * The instant an {@code <input type="datetime-local">} names, read in China Standard Time; null when it is
     * empty (the command then says the field is required).
     */
    public static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim()).atZone(AsOf.CHINA).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "must be a date and time such as 2024-06-01T09:30");
        }
    }

    /** Now, as an {@code <input type="datetime-local">} shows it. */
    public static String nowForInput(java.time.Clock clock) {
        return Formats.LOCAL_INPUT.format(clock.instant());
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
