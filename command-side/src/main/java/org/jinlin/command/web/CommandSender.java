package org.jinlin.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.jinlin.command.handling.CommandAck;
import org.jinlin.kernel.CreatesAggregate;
import org.jinlin.kernel.InvalidInput;
import org.jinlin.kernel.MetadataKeys;
import org.jinlin.kernel.NotFound;
import org.jinlin.kernel.RuleViolation;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sends a command on behalf of an HTTP request and turns the outcome into the API's answer: {@code 201} or
 * {@code 200} with {@code {id, version}}, an {@code ETag}, and {@code X-Event-Token} for reading one's own writes.
 * Honours {@code Idempotency-Key} (the first answer is repeated, nothing appended) and {@code If-Match}
 * (see {@link #ifMatch()}).
 */
@Component
public class CommandSender {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String EVENT_TOKEN = "X-Event-Token";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");
    private static final AnnotationCommandTargetResolver TARGETS = AnnotationCommandTargetResolver.builder().build();

    private final CommandGateway gateway;
    private final IdempotencyStore idempotency;
    private final Optional<EventPositions> positions;
    private final ObjectMapper json;

    public CommandSender(CommandGateway gateway, IdempotencyStore idempotency, Optional<EventPositions> positions,
                         ObjectMapper json) {
        this.gateway = gateway;
        this.idempotency = idempotency;
        this.positions = positions;
        this.json = json;
    }

    /** Sends a command that creates an aggregate: {@code 201 Created} with {@code Location}. */
    public ResponseEntity<CommandAck> create(Object command, String locationTemplate) {
        return send(command, HttpStatus.CREATED, locationTemplate);
    }

    /** Sends a command that changes an existing aggregate: {@code 200 OK}. */
    public ResponseEntity<CommandAck> change(Object command) {
        return send(command, HttpStatus.OK, null);
    }

    /**
     * The version named by the request's {@code If-Match} header ({@code 5}, {@code "5"} or {@code W/"5"}), or
     * {@code null} without one. Put it into the command's {@code expectedVersion}.
     */
    public Long ifMatch() {
        String header = currentRequest().getHeader(HttpHeaders.IF_MATCH);
        if (header == null || header.isBlank()) {
            return null;
        }
        var matcher = VERSION.matcher(header.trim());
        if (!matcher.matches()) {
            throw new InvalidInput(HttpHeaders.IF_MATCH, "must be the version number from an earlier answer, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }

    private ResponseEntity<CommandAck> send(Object command, HttpStatus status, String locationTemplate) {
        String key = idempotencyKey();
        String actor = actor();
        Map<String, Object> metaData = new HashMap<>();
        if (key != null) {
            String fingerprint = fingerprint(command);
            Optional<IdempotencyStore.StoredAnswer> earlier = idempotency.find(actor, key);
            if (earlier.isPresent()) {
                return repeat(earlier.get(), fingerprint, key, status, locationTemplate);
            }
            metaData.put(MetadataKeys.IDEMPOTENCY_KEY, key);
            metaData.put(MetadataKeys.IDEMPOTENCY_FINGERPRINT, fingerprint);
        }
        CommandMessage<Object> message = GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
        CommandAck ack;
        try {
            ack = gateway.sendAndWait(message);
        } catch (DataIntegrityViolationException raceOnKey) {
            // A concurrent request with the same key committed first: give its answer.
            if (key != null) {
                Optional<IdempotencyStore.StoredAnswer> winner = idempotency.find(actor, key);
                if (winner.isPresent()) {
                    return repeat(winner.get(), fingerprint(command), key, status, locationTemplate);
                }
            }
            throw raceOnKey;
        } catch (RuntimeException e) {
            throw translate(command, e);
        }
        return answer(ack, status, locationTemplate);
    }

    private ResponseEntity<CommandAck> repeat(IdempotencyStore.StoredAnswer earlier, String fingerprint, String key,
                                              HttpStatus status, String locationTemplate) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReused(key);
        }
        return answer(earlier.ack(), status, locationTemplate);
    }

    private ResponseEntity<CommandAck> answer(CommandAck ack, HttpStatus status, String locationTemplate) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).eTag(Long.toString(ack.version()));
        positions.flatMap(p -> {
            var index = p.globalIndexOf(ack.id(), ack.version());
            return index.isPresent() ? Optional.of(index.getAsLong()) : Optional.empty();
        }).ifPresent(index -> answer.header(EVENT_TOKEN, Long.toString(index)));
        if (locationTemplate != null) {
            answer.location(UriComponentsBuilder.fromPath(locationTemplate).buildAndExpand(ack.id()).toUri());
        }
        return answer.body(ack);
    }

    private RuntimeException translate(Object command, RuntimeException failure) {
        if (failure instanceof AggregateStreamCreationException && command instanceof CreatesAggregate creation) {
            return new RuleViolation(creation.alreadyExists());
        }
        if (failure instanceof AggregateNotFoundException notFound) {
            return new NotFound(aggregateNoun(command) + " " + notFound.getAggregateIdentifier() + " does not exist");
        }
        if (failure instanceof IncompatibleAggregateException) {
            // The id names a stream of another kind of record (ids are chosen by clients and share one store).
            return new NotFound("no " + aggregateNoun(command) + " has the id " + targetId(command)
                                + "; that id belongs to another kind of record");
        }
        if (failure instanceof ConflictingAggregateVersionException conflict) {
            return new VersionConflict(aggregateNoun(command) + " " + conflict.getAggregateIdentifier()
                                       + " is at version " + conflict.getActualVersion() + ", not "
                                       + conflict.getExpectedVersion()
                                       + " as If-Match expected; read it again and retry");
        }
        if (failure instanceof ConcurrencyException) {
            return new VersionConflict(aggregateNoun(command)
                                       + " was changed by another request at the same moment; read it again and retry");
        }
        return failure;
    }

    private static String targetId(Object command) {
        try {
            return TARGETS.resolveTarget(GenericCommandMessage.asCommandMessage(command)).getIdentifier();
        } catch (IllegalArgumentException noTarget) {
            return "given";
        }
    }

    /** "community" for a command declared in {@code CommunityCommands}. */
    private static String aggregateNoun(Object command) {
        Class<?> group = command.getClass().getEnclosingClass();
        if (group == null || !group.getSimpleName().endsWith("Commands")) {
            return "aggregate";
        }
        String name = group.getSimpleName().replace("Commands", "");
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }

    private String idempotencyKey() {
        String key = currentRequest().getHeader(IDEMPOTENCY_KEY);
        if (key == null) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInput(IDEMPOTENCY_KEY, "must be 1 to 200 visible ASCII characters, e.g. a UUID");
        }
        return key;
    }

    private String fingerprint(Object command) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(command.getClass().getName().getBytes(StandardCharsets.UTF_8));
            sha256.update(json.writeValueAsBytes(command));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint " + command.getClass().getSimpleName(), e);
        }
    }

    private static String actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }

    private static HttpServletRequest currentRequest() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }
}
