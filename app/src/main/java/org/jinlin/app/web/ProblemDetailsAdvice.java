package org.jinlin.app.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.jinlin.command.web.IdempotencyKeyReused;
import org.jinlin.command.web.VersionConflict;
import org.jinlin.kernel.FieldError;
import org.jinlin.kernel.Forbidden;
import org.jinlin.kernel.InvalidInput;
import org.jinlin.kernel.NotFound;
import org.jinlin.kernel.RuleViolation;
import org.jinlin.query.web.ReadModelBehind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place where refusals become RFC 9457 problem details: invalid input 400, a case the acting user may not
 * act on 403, unknown case 404, a rule the state forbids or a version conflict 409, a reused idempotency key 422. Anything else is a 500 that names the
 * correlation id to quote and never shows a stack trace or SQL.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput invalid) {
        return Problems.invalid(invalid.getMessage(), invalid.errors());
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolation(RuleViolation violation) {
        return Problems.of(HttpStatus.CONFLICT, "rule-violation", "不符合业务规则 Refused by a rule",
                           violation.getMessage());
    }

    @ExceptionHandler(Forbidden.class)
    ProblemDetail forbidden(Forbidden forbidden) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "无权限 Forbidden", forbidden.getMessage());
    }

    @ExceptionHandler(VersionConflict.class)
    ProblemDetail versionConflict(VersionConflict conflict) {
        return Problems.of(HttpStatus.CONFLICT, "version-conflict", "版本冲突 Version conflict", conflict.getMessage());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrency(ConcurrencyException conflict) {
        return Problems.of(HttpStatus.CONFLICT, "version-conflict", "版本冲突 Version conflict",
                           "the record was changed by another request at the same moment; read it again and retry");
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound notFound) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "未找到 Not found", notFound.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail aggregateNotFound(AggregateNotFoundException notFound) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "未找到 Not found",
                           notFound.getAggregateIdentifier() + " does not exist");
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReused reused) {
        return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                           "幂等键已被使用 Idempotency key reused", reused.getMessage());
    }

    /** The database is out of reach: nothing was stored; the client may retry shortly. */
    @ExceptionHandler({CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
                       CannotGetJdbcConnectionException.class, TransientDataAccessResourceException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception unavailable) {
        log.warn("The database is unavailable: {}", unavailable.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                             .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                                               "暂时不可用 Temporarily unavailable",
                                               "the database cannot be reached; nothing was stored, retry shortly"));
    }

    /** A read asked for its client's own write, and the read model had not caught up within the wait. */
    @ExceptionHandler(ReadModelBehind.class)
    ResponseEntity<ProblemDetail> readModelBehind(ReadModelBehind behind) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                             .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "read-model-behind",
                                               "尚未更新 Not yet up to date", behind.getMessage()));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException clash) {
        log.info("Refused a write that clashes with stored data: {}", clash.getClass().getSimpleName());
        return Problems.of(HttpStatus.CONFLICT, "conflict", "冲突 Conflict",
                           "the request clashes with data stored in the meantime; read it again and retry");
    }

    /** A command refused on another node arrives wrapped; answer it as if it had been refused here. */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException failure) {
        Throwable cause = failure.getCause();
        if (cause instanceof InvalidInput invalid) {
            return ResponseEntity.badRequest().body(invalid(invalid));
        }
        if (cause instanceof RuleViolation violation) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(ruleViolation(violation));
        }
        if (cause instanceof NotFound notFound) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(notFound(notFound));
        }
        if (cause instanceof Forbidden forbidden) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(forbidden(forbidden));
        }
        return unexpectedOrUnavailable(failure);
    }

    /** Two requests on different nodes changed the same rows at once and the database let one of them through. */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ProblemDetail concurrentWrite(ConcurrencyFailureException clash) {
        return Problems.of(HttpStatus.CONFLICT, "version-conflict", "版本冲突 Version conflict",
                           "the record was changed by another request at the same moment; read it again and retry");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpectedOrUnavailable(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLTransientConnectionException
                || cause instanceof java.sql.SQLNonTransientConnectionException
                || cause instanceof java.net.ConnectException
                || cause instanceof CannotGetJdbcConnectionException
                || cause instanceof SQLException sql && connectionLost(sql.getSQLState())) {
                return databaseUnavailable(failure);
            }
            if (cause instanceof ConcurrencyFailureException
                || cause instanceof SQLException sql && transactionLostARace(sql.getSQLState())) {
                return ResponseEntity.status(HttpStatus.CONFLICT).body(concurrentWrite(null));
            }
        }
        return ResponseEntity.internalServerError().body(unexpected(failure));
    }

    /**
     * SQLSTATE class 08 (connection exception) and 57P01–57P03 (PostgreSQL shutting down, crashed or not yet
     * accepting connections): the database is out of reach, not the request at fault.
     */
    private static boolean connectionLost(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    /** SQLSTATE 40001 (serialization failure) and 40P01 (deadlock): another transaction won; nothing was stored. */
    private static boolean transactionLostARace(String state) {
        return "40001".equals(state) || "40P01".equals(state);
    }

    ProblemDetail unexpected(Exception failure) {
        String correlationId = MDC.get("correlationId");
        log.error("Unexpected failure (correlation id {})", correlationId, failure);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "内部错误 Internal error",
                           "the service could not complete the request; quote correlation id " + correlationId
                           + " to the operator");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = unreadable.getCause();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof InvalidInput invalid) {
                return ResponseEntity.badRequest().body(invalid(invalid));
            }
            if (t instanceof BodySizeLimitFilter.BodyTooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                                     .body(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                                                       "请求过大 Request too large", t.getMessage()));
            }
        }
        if (cause instanceof InvalidFormatException format) {
            String field = path(format);
            String expected = format.getTargetType() != null && format.getTargetType().isEnum()
                    ? "one of " + Arrays.toString(format.getTargetType().getEnumConstants())
                    : "a value of type " + simpleType(format.getTargetType());
            return ResponseEntity.badRequest().body(Problems.invalid(field + ": " + expected,
                    List.of(new FieldError(field, "must be " + expected))));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            String expected = "a value of type " + simpleType(mismatch.getTargetType());
            return ResponseEntity.badRequest().body(Problems.invalid(field + ": must be " + expected,
                    List.of(new FieldError(field, "must be " + expected))));
        }
        String detail = cause == null ? "the request body is missing" : "the request body is not valid JSON";
        return ResponseEntity.badRequest().body(Problems.invalid(detail, List.of(new FieldError("body", detail))));
    }

    /** The firewall also rejects what it finds only when a request is read, e.g. a form field with a control name. */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException rejected) {
        return Problems.of(HttpStatus.BAD_REQUEST, "rejected-request", "请求无效 Bad request",
                           "the request contains a name or character the service does not accept");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail parameterType(MethodArgumentTypeMismatchException mismatch) {
        String expected = mismatch.getRequiredType() == null ? "a valid value"
                : mismatch.getRequiredType().isEnum()
                        ? "one of " + Arrays.toString(mismatch.getRequiredType().getEnumConstants())
                        : "a value of type " + simpleType(mismatch.getRequiredType());
        return Problems.invalid(mismatch.getName() + ": must be " + expected,
                                List.of(new FieldError(mismatch.getName(), "must be " + expected)));
    }

    private static String path(JsonMappingException mapping) {
        return mapping.getPath().stream()
                      .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                      .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String simpleType(Class<?> type) {
        return type == null ? "the expected kind" : type.getSimpleName();
    }
}
