package org.jinlin.command.policy;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.jinlin.kernel.InvalidInput;
import org.jinlin.kernel.policy.CityPolicyCommands.SetCityPolicy;
import org.jinlin.kernel.policy.DibaoStandardSet;
import org.jinlin.kernel.policy.DisabilityAllowanceExtensionSet;
import org.jinlin.kernel.policy.LowIncomeMultiplierSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CityPolicyTest {

    private static final LocalDate JULY = LocalDate.of(2021, 7, 1);
    private AggregateTestFixture<CityPolicy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CityPolicy.class);
    }

    @Test
    void theFirstPolicyOfACitySetsItsStandard() {
        fixture.givenNoPriorActivity()
               .when(new SetCityPolicy("350800", new BigDecimal("980.00"), JULY, null, null, null))
               .expectEvents(new DibaoStandardSet("350800", new BigDecimal("980.00"), JULY));
    }

    @Test
    void multiplierAndAllowanceExtensionAreSetWhenGivenAndDifferent() {
        fixture.givenNoPriorActivity()
               .when(new SetCityPolicy("350800", new BigDecimal("980.00"), JULY, new BigDecimal("2"), true, null))
               .expectEvents(new DibaoStandardSet("350800", new BigDecimal("980.00"), JULY),
                             new LowIncomeMultiplierSet("350800", new BigDecimal("2")),
                             new DisabilityAllowanceExtensionSet("350800", true));
    }

    @Test
    void aNewStandardFromALaterDateKeepsTheEarlierOne() {
        fixture.given(new DibaoStandardSet("350800", new BigDecimal("980.00"), JULY))
               .when(new SetCityPolicy("350800", new BigDecimal("1020.00"), LocalDate.of(2022, 7, 1), null, null, null))
               .expectEvents(new DibaoStandardSet("350800", new BigDecimal("1020.00"), LocalDate.of(2022, 7, 1)));
    }

    @Test
    void theSameValuesAgainAppendNothing() {
        fixture.given(new DibaoStandardSet("350800", new BigDecimal("980.00"), JULY),
                      new LowIncomeMultiplierSet("350800", new BigDecimal("2")))
               .when(new SetCityPolicy("350800", new BigDecimal("980"), JULY, new BigDecimal("2.0"), false, null))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void invalidParametersAreRefused() {
        assertThatThrownBy(() -> new SetCityPolicy("350802", new BigDecimal("980"), JULY, null, null, null))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("cityCode");
        assertThatThrownBy(() -> new SetCityPolicy("350800", new BigDecimal("-1"), JULY, null, null, null))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("dibaoStandard");
        assertThatThrownBy(() -> new SetCityPolicy("350800", new BigDecimal("980.001"), JULY, null, null, null))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("two decimals");
        assertThatThrownBy(() -> new SetCityPolicy("350800", new BigDecimal("980"), null, new BigDecimal("0.9"), null, null))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("effectiveFrom").hasMessageContaining("lowIncomeMultiplier");
    }
}
