package org.jinlin.kernel.household;

import org.jinlin.kernel.InvalidInput;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * 身份证号: the 18-character resident identity number, GB 11643. Six digits of region, eight of birth date, three
 * of sequence (the last one odd for men), and a check character from ISO 7064 MOD 11-2 ({@code X} stands for 10).
 * Birth date and sex are read from it; a number whose parts do not hold together is refused.
 */
public record IdCardNumber(String value, LocalDate birthDate, Sex sex) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    /** The provinces, autonomous regions and municipalities (GB/T 2260), Taiwan, Hong Kong and Macao. */
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /** Parses and checks a number; {@code field} names it in the refusal. Lower-case x is accepted as X. */
    public static IdCardNumber parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput(field, "is required");
        }
        String number = text.trim().toUpperCase();
        if (!number.matches("\\d{17}[\\dX]")) {
            throw new InvalidInput(field, "an 18-character id-card number is expected: 17 digits and a check "
                                          + "digit or X (got " + number.length() + " characters)");
        }
        if (!PROVINCES.contains(number.substring(0, 2))) {
            throw new InvalidInput(field, "the region code " + number.substring(0, 6)
                                          + " names no Chinese province (first two digits " + number.substring(0, 2) + ")");
        }
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
                                     Integer.parseInt(number.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new InvalidInput(field, "the birth date part " + number.substring(6, 14) + " is not a real date");
        }
        if (birthDate.isBefore(EARLIEST) || birthDate.isAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")))) {
            throw new InvalidInput(field, "the birth date " + birthDate + " is not possible");
        }
        char expected = checkCharacter(number.substring(0, 17));
        if (number.charAt(17) != expected) {
            throw new InvalidInput(field, "the check digit is " + expected + ", not " + number.charAt(17)
                                          + ": the number was mistyped");
        }
        Sex sex = (number.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
        return new IdCardNumber(number, birthDate, sex);
    }

    /** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }
}
