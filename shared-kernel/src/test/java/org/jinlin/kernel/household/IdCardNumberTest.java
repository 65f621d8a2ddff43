package org.jinlin.kernel.household;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jinlin.kernel.InvalidInput;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdCardNumberTest {

    @Test
    void aValidNumberGivesBirthDateAndSex() {
        IdCardNumber id = IdCardNumber.parse("idNumber", "11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void aLowerCaseXIsReadAsX() {
        assertThat(IdCardNumber.parse("idNumber", "11010519491231002x").value()).isEqualTo("11010519491231002X");
    }

    @Test
    void theSeventeenthDigitGivesTheSex() {
        String man = People.idFor(LocalDate.of(1980, 1, 1), Sex.MALE, 3);
        assertThat(IdCardNumber.parse("idNumber", man).sex()).isEqualTo(Sex.MALE);
    }

    @Test
    void aWrongCheckDigitIsRefusedNamingTheRightOne() {
        assertThatThrownBy(() -> IdCardNumber.parse("members[0].idNumber", "110105194912310021"))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("members[0].idNumber: the check digit is X, not 1: the number was mistyped");
    }

    @Test
    void anImpossibleBirthDateIsRefused() {
        String first17 = "35080219800230001";
        assertThatThrownBy(() -> IdCardNumber.parse("idNumber", first17 + IdCardNumber.checkCharacter(first17)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("19800230 is not a real date");
        String future = "35080221990101001";
        assertThatThrownBy(() -> IdCardNumber.parse("idNumber", future + IdCardNumber.checkCharacter(future)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("is not possible");
    }

    @Test
    void anUnknownRegionIsRefused() {
        String first17 = "99080219800101001";
        assertThatThrownBy(() -> IdCardNumber.parse("idNumber", first17 + IdCardNumber.checkCharacter(first17)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("names no Chinese province");
    }

    @Test
    void theWrongLengthOrAnXInsideIsRefused() {
        assertThatThrownBy(() -> IdCardNumber.parse("idNumber", "3508021980010100"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("18-character");
        assertThatThrownBy(() -> IdCardNumber.parse("idNumber", "3508021980X101001X"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("18-character");
        assertThatThrownBy(() -> IdCardNumber.parse("idNumber", " "))
                .isInstanceOf(InvalidInput.class).hasMessage("idNumber: is required");
    }

    @Property
    void everyWellFormedNumberValidates(@ForAll("validNumbers") String number) {
        IdCardNumber id = IdCardNumber.parse("idNumber", number);
        assertThat(id.value()).isEqualTo(number);
        assertThat(id.birthDate().toString().replace("-", "")).isEqualTo(number.substring(6, 14));
    }

    @Property
    void changingAnyOneDigitIsCaught(@ForAll("validNumbers") String number, @ForAll("positions") int position,
                                     @ForAll("digits") int delta) {
        char original = number.charAt(position);
        char changed = (char) ('0' + (original - '0' + delta) % 10);
        String mistyped = number.substring(0, position) + changed + number.substring(position + 1);
        assertThatThrownBy(() -> IdCardNumber.parse("idNumber", mistyped)).isInstanceOf(InvalidInput.class);
    }

    @Provide
    Arbitrary<String> validNumbers() {
        Arbitrary<LocalDate> births = Arbitraries.integers().between(0, 40_000)
                                                 .map(days -> LocalDate.of(1910, 1, 1).plusDays(days));
        Arbitrary<Integer> sequences = Arbitraries.integers().between(0, 999);
        Arbitrary<String> regions = Arbitraries.of("350802", "350102", "110105", "440305", "510107", "650102");
        return Combinators.combine(regions, births, sequences).as((region, birth, sequence) -> {
            String first17 = region + birth.toString().replace("-", "") + String.format("%03d", sequence);
            return first17 + IdCardNumber.checkCharacter(first17);
        });
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 16);
    }

    @Provide
    Arbitrary<Integer> digits() {
        return Arbitraries.integers().between(1, 9);
    }
}
