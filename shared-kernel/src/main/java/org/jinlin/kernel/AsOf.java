package org.jinlin.kernel;


import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The {@code asOf} parameter of every read model: an ISO-8601 instant ({@code 2021-04-19T08:00:00Z}), a date-time
 * with offset ({@code 2021-04-19T16:00:00+08:00}), or a date ({@code 2021-04-19}), meaning the end of that day in
 * China Standard Time. Absent means now.
 */
public final class AsOf {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private AsOf() {
    }

    public static Instant parse(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return null;
        }
        String text = asOf.trim();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).plusDays(1).atStartOfDay(CHINA).toInstant().minusNanos(1000);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput("asOf", "must be an ISO-8601 instant such as 2021-04-19T08:00:00Z, "
                                           + "or a date such as 2021-04-19 (the end of that day, China Standard Time)");
        }
    }
}
