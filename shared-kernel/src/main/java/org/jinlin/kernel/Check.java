package org.jinlin.kernel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every invalid field of one command before refusing it, so a client learns about all of its
 * mistakes in one answer. Commands call it from their compact constructors; a command that exists is valid.
 *
 * <pre>{@code
 * Check.fields()
 *      .notBlank("name", name, 100)
 *      .notNegative("residentPopulation", residentPopulation)
 *      .orThrow();
 * }</pre>
 */
public final class Check {

    /** Ids chosen by clients: letters, digits, '-', '_' and '.', so they are safe in paths and unit names. */
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final List<FieldError> errors = new ArrayList<>();

    private Check() {
    }

    public static Check fields() {
        return new Check();
    }

    public Check fail(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public Check that(boolean condition, String field, String message) {
        return condition ? this : fail(field, message);
    }

    public Check notNull(String field, Object value) {
        return that(value != null, field, "is required");
    }

    public Check notBlank(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return fail(field, "is required");
        }
        return that(value.length() <= maxLength, field, "must be at most " + maxLength + " characters");
    }

    public Check optionalText(String field, String value, int maxLength) {
        return that(value == null || value.length() <= maxLength, field,
                    "must be at most " + maxLength + " characters");
    }

    public Check clientId(String field, String value) {
        if (value == null || value.isBlank()) {
            return fail(field, "is required");
        }
        return that(CLIENT_ID.matcher(value).matches(), field,
                    "must be 1 to 64 letters, digits, '.', '-' or '_', starting with a letter or digit");
    }

    public Check notNegative(String field, Integer value) {
        if (value == null) {
            return fail(field, "is required");
        }
        return that(value >= 0, field, "must not be negative");
    }

    public Check notNegative(String field, BigDecimal value) {
        if (value == null) {
            return fail(field, "is required");
        }
        return that(value.signum() >= 0, field, "must not be negative");
    }

    /** Runs a value check that throws {@link InvalidInput} (a division code, an id-card number) and collects it. */
    public Check valid(Runnable check) {
        try {
            check.run();
        } catch (InvalidInput invalid) {
            errors.addAll(invalid.errors());
        }
        return this;
    }

    public void orThrow() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }
}
