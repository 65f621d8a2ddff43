package org.jinlin.kernel.division;

import org.jinlin.kernel.InvalidInput;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fujian's division codes (统计用区划代码) and the arithmetic on 12-digit community codes
 * {@code PP CC XX TTT VVV}: the city of a community is {@code code[0..4] + "00"}, its county {@code code[0..6]},
 * without a lookup table. Pingtan Comprehensive Experimental Zone (350128) is addressed by the policy beside the
 * cities (各设区市…平潭综合实验区), so its communities form their own city-level unit.
 */
public final class Divisions {

    public static final String PROVINCE = "35";
    public static final String PINGTAN = "350128";

    private static final Map<String, Division> BY_CODE = load();

    private Divisions() {
    }

    /** The city-level units the mediator target is measured on: nine cities and Pingtan. */
    public static List<Division> cities() {
        return BY_CODE.values().stream().filter(d -> d.level() == Division.Level.CITY).toList();
    }

    public static Optional<Division> find(String code) {
        return Optional.ofNullable(code).map(BY_CODE::get);
    }

    /** The name to show for a city or county code, or the code itself when the division is not in the list. */
    public static String nameOf(String code) {
        return find(code).map(Division::nameZh).orElse(code);
    }

    public static boolean isCity(String code) {
        return find(code).filter(d -> d.level() == Division.Level.CITY).isPresent();
    }

    /** The city-level unit of a valid community code. */
    public static String cityOf(String communityCode) {
        String county = countyOf(communityCode);
        return PINGTAN.equals(county) ? PINGTAN : communityCode.substring(0, 4) + "00";
    }

    /**
     * The digits every community code of a city-level unit begins with: Pingtan's six, another city's four. Fuzhou's
     * four also begin Pingtan's codes, so a match is in the city only if {@link #cityOf} agrees.
     */
    public static String communityCodePrefix(String cityCode) {
        return PINGTAN.equals(cityCode) ? PINGTAN : cityCode.substring(0, 4);
    }

    /**
     * The first code of {@code prefix}'s length after it ("3508" → "3509", "3599" → "3600"): the codes that begin with
     * a prefix of digits are those from the prefix up to, not including, this one, a range an index on the codes can
     * read in any collation that orders digits as digits, where {@code LIKE 'prefix%'} is read as a range only under
     * the "C" collation (PostgreSQL).
     */
    public static String codeAfterPrefix(String prefix) {
        if (prefix.isEmpty() || !prefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not a prefix of digits: " + prefix);
        }
        char[] digits = prefix.toCharArray();
        int i = digits.length - 1;
        while (i >= 0 && digits[i] == '9') {
            digits[i--] = '0';
        }
        if (i < 0) {
            throw new IllegalArgumentException("no code of that length follows " + prefix);
        }
        digits[i]++;
        return new String(digits);
    }

    /** The county (县/区/县级市) of a valid community code. */
    public static String countyOf(String communityCode) {
        return communityCode.substring(0, 6);
    }

    /**
     * Refuses anything that is not a Fujian community code: 12 digits, province 35, a city-level unit in the
     * list, and non-zero county, township and community parts.
     */
    public static void requireCommunityCode(String field, String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInput(field, "is required");
        }
        if (!code.matches("\\d{12}")) {
            throw new InvalidInput(field, "a 12-digit community division code is expected (统计用区划代码), got '"
                                          + abbreviate(code) + "'");
        }
        if (!code.startsWith(PROVINCE)) {
            throw new InvalidInput(field, "code " + code + " is not in Fujian (codes start with 35)");
        }
        if (!isCity(cityOf(code))) {
            throw new InvalidInput(field, "code " + code + " names no Fujian city-level unit ("
                                          + code.substring(0, 4) + "00 is not one of the nine cities or Pingtan)");
        }
        if (code.substring(4, 6).equals("00") || code.substring(6, 9).equals("000")
                || code.substring(9).equals("000")) {
            throw new InvalidInput(field, "code " + code
                                          + " is not a community: its county, township and community parts must not be zero");
        }
    }

    /** Refuses anything that is not one of the ten city-level units. */
    public static void requireCityCode(String field, String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInput(field, "is required");
        }
        if (!code.matches("\\d{6}")) {
            throw new InvalidInput(field, "a 6-digit city division code is expected, got '" + abbreviate(code) + "'");
        }
        if (!isCity(code)) {
            throw new InvalidInput(field, "code " + code + " is not one of Fujian's nine cities or Pingtan");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }

    private static Map<String, Division> load() {
        Map<String, Division> divisions = new LinkedHashMap<>();
        try (InputStream in = Divisions.class.getResourceAsStream("fujian-divisions.csv")) {
            if (in == null) {
                throw new IllegalStateException("fujian-divisions.csv is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                Division division = new Division(cells[0].trim(),
                                                 Division.Level.valueOf(cells[1].trim().toUpperCase()),
                                                 cells[2].trim(), cells[3].trim(),
                                                 cells[4].isBlank() ? null : cells[4].trim());
                divisions.put(division.code(), division);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(divisions);
    }
}
