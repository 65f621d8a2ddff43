package org.jinlin.kernel.division;

import org.jinlin.kernel.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DivisionsTest {

    @Test
    void theNineCitiesAndPingtanAreTheCityLevelUnits() {
        assertThat(Divisions.cities()).extracting(Division::code)
                                      .containsExactlyInAnyOrder("350100", "350200", "350300", "350400", "350500",
                                                                 "350600", "350700", "350800", "350900", "350128");
    }

    @ParameterizedTest
    @CsvSource({
            "350802001001, 350800, 350802",
            "350881103201, 350800, 350881",
            "350102001002, 350100, 350102",
            "350181100200, 350100, 350181",
            "350128100201, 350128, 350128",
            "350982001001, 350900, 350982"})
    void theCityAndCountyOfACommunityAreReadFromItsCode(String community, String city, String county) {
        assertThat(Divisions.cityOf(community)).isEqualTo(city);
        assertThat(Divisions.countyOf(community)).isEqualTo(county);
    }

    @Test
    void pingtanIsItsOwnCityLevelUnitAlthoughItsCodeLiesInFuzhousRange() {
        assertThat(Divisions.cityOf("350128001001")).isEqualTo(Divisions.PINGTAN);
        assertThat(Divisions.communityCodePrefix(Divisions.PINGTAN)).isEqualTo("350128");
        assertThat(Divisions.communityCodePrefix("350100")).isEqualTo("3501");
        assertThat(Divisions.communityCodePrefix("350800")).isEqualTo("3508");
        assertThat(Divisions.nameOf(Divisions.PINGTAN)).isEqualTo("平潭综合实验区");
        assertThat(Divisions.cityOf("350121001001")).isEqualTo("350100");
    }

    @ParameterizedTest
    @CsvSource({"3508, 3509", "3501, 3502", "350128, 350129", "3599, 3600", "350199, 350200"})
    void theCodesOfAPrefixEndBeforeTheNextCodeOfItsLength(String prefix, String after) {
        assertThat(Divisions.codeAfterPrefix(prefix)).isEqualTo(after);
    }

    @Test
    void onlyDigitsHaveACodeAfterThem() {
        assertThatThrownBy(() -> Divisions.codeAfterPrefix("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Divisions.codeAfterPrefix("35a8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Divisions.codeAfterPrefix("99")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesComeFromTheDivisionList() {
        assertThat(Divisions.nameOf("350800")).isEqualTo("龙岩市");
        assertThat(Divisions.nameOf("350881")).isEqualTo("漳平市");
        assertThat(Divisions.nameOf("359999")).isEqualTo("359999");
    }

    @ParameterizedTest
    @CsvSource({
            "35080200100,   12-digit",
            "3508020010011, 12-digit",
            "35080200100A,  12-digit",
            "440300001001,  not in Fujian",
            "351000001001,  names no Fujian city-level unit",
            "350800001001,  is not a community",
            "350802000001,  is not a community",
            "350802001000,  is not a community"})
    void malformedOrForeignCommunityCodesAreRefused(String code, String reason) {
        assertThatThrownBy(() -> Divisions.requireCommunityCode("code", code))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining(reason.trim())
                .satisfies(e -> assertThat(((InvalidInput) e).errors()).extracting("field").containsExactly("code"));
    }

    @Test
    void aMissingCodeIsRequired() {
        assertThatThrownBy(() -> Divisions.requireCommunityCode("communityCode", null))
                .isInstanceOf(InvalidInput.class).hasMessage("communityCode: is required");
    }

    @Test
    void validCodesPass() {
        assertThatCode(() -> Divisions.requireCommunityCode("code", "350802001001")).doesNotThrowAnyException();
        assertThatCode(() -> Divisions.requireCommunityCode("code", "350128100201")).doesNotThrowAnyException();
        assertThatCode(() -> Divisions.requireCityCode("cityCode", "350128")).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({"3508, 6-digit", "350802, not one of", "351000, not one of", "350000, not one of"})
    void onlyCityLevelUnitsAreCityCodes(String code, String reason) {
        assertThatThrownBy(() -> Divisions.requireCityCode("cityCode", code))
                .isInstanceOf(InvalidInput.class).hasMessageContaining(reason);
    }
}
