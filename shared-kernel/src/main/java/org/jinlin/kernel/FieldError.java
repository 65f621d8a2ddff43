package org.jinlin.kernel;

/** One invalid input field, as a caseworker would read it: {@code residentPopulation: must not be negative}. */
public record FieldError(String field, String message) {
}
