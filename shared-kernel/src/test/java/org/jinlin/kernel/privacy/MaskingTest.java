package org.jinlin.kernel.privacy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

    @Test
    void namesKeepTheFamilyName() {
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(Masking.name("李")).isEqualTo("李*");
    }

    @Test
    void idNumbersShowTheirFirstAndLastFourCharacters() {
        assertThat(Masking.idNumber("35080219800101123X")).isEqualTo("3508**********123X");
    }

    @Test
    void erasedValuesStayAsTheyAre() {
        assertThat(Masking.name(Erased.PLACEHOLDER)).isEqualTo(Erased.PLACEHOLDER);
        assertThat(Masking.idNumber(Erased.PLACEHOLDER)).isEqualTo(Erased.PLACEHOLDER);
        assertThat(Masking.name(null)).isNull();
    }
}
