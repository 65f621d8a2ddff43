package org.jinlin.app.pages;

import org.jinlin.kernel.AsOf;
import org.jinlin.kernel.division.Division;
import org.jinlin.kernel.division.Divisions;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * How the pages write dates, numbers and shares ({@code ${@fmt.date(x)}} in a template): dates {@code yyyy-MM-dd}
 * and times in China Standard Time whatever the server's zone; numbers and percentages in the reader's language.
 */
@Component("fmt")
public class Formats {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(AsOf.CHINA);
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(AsOf.CHINA);
    static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(AsOf.CHINA);
    /** The value of an {@code <input type="datetime-local">}. */
    static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(AsOf.CHINA);
    private static final String NONE = "—";

    public String date(Instant instant) {
        return instant == null ? NONE : DATE.format(instant);
    }

    public String date(LocalDate date) {
        return date == null ? NONE : date.toString();
    }

    public String dateTime(Instant instant) {
        return instant == null ? NONE : DATE_TIME.format(instant);
    }

    /** To the second, for the auditor's timeline. */
    public String instant(Instant instant) {
        return instant == null ? NONE : INSTANT.format(instant);
    }

    public String number(Number value) {
        if (value == null) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        format.setMaximumFractionDigits(value instanceof BigDecimal decimal ? Math.max(decimal.scale(), 0) : 1);
        return format.format(value);
    }

    /** A count, or what stands in for it (an analyst reads "&lt;5" for a count that could single someone out). */
    public String count(Object value) {
        return value instanceof Number number ? number(number) : value == null ? NONE : value.toString();
    }

    public String percent(Number share) {
        if (share == null) {
            return NONE;
        }
        NumberFormat format = NumberFormat.getPercentInstance(LocaleContextHolder.getLocale());
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(share.doubleValue());
    }

    /** A city's or county's name in the reader's language when the division list has it; else the name given. */
    public String unitName(String code, String name) {
        boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
        return english ? Divisions.find(code).map(Division::nameEn).orElse(name) : name;
    }

    /** The first characters of a hash, enough to tell two apart on screen; the full value is in the title. */
    public String shortHash(String hash) {
        return hash == null ? NONE : hash.length() <= 12 ? hash : hash.substring(0, 12) + "…";
    }
}
