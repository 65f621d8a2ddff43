package org.jinlin.command.community;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.jinlin.kernel.InvalidInput;
import org.jinlin.kernel.RuleViolation;
import org.jinlin.kernel.community.CommunityCommands.AddCompound;
import org.jinlin.kernel.community.CommunityCommands.ClearDisputeProminent;
import org.jinlin.kernel.community.CommunityCommands.FlagDisputeProminent;
import org.jinlin.kernel.community.CommunityCommands.RegisterCommunity;
import org.jinlin.kernel.community.CommunityCommands.UpdateResidentPopulation;
import org.jinlin.kernel.community.CommunityDisputeProminenceCleared;
import org.jinlin.kernel.community.CommunityFlaggedDisputeProminent;
import org.jinlin.kernel.community.CommunityKind;
import org.jinlin.kernel.community.CommunityRegistered;
import org.jinlin.kernel.community.CompoundAdded;
import org.jinlin.kernel.community.ResidentPopulationUpdated;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommunityTest {

    private static final String CODE = "350802001001";
    private static final CommunityRegistered REGISTERED =
            new CommunityRegistered(CODE, "东城社区", CommunityKind.URBAN, "东城街道", 12_000);

    private AggregateTestFixture<Community> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Community.class);
    }

    @Test
    void aRegistrarRegistersACommunityUnderItsDivisionCode() {
        fixture.givenNoPriorActivity()
               .when(new RegisterCommunity(CODE, " 东城社区 ", CommunityKind.URBAN, "东城街道", 12_000))
               .expectSuccessfulHandlerExecution()
               .expectEvents(REGISTERED);
    }

    @Test
    void aCommunityCodeMustBeAFujianCommunityCode() {
        assertThatThrownBy(() -> new RegisterCommunity("3508020010", "东城社区", CommunityKind.URBAN, "东城街道", 1))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("12-digit");
        assertThatThrownBy(() -> new RegisterCommunity("440300001001", "x", CommunityKind.URBAN, "y", 1))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("not in Fujian");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        assertThatThrownBy(() -> new RegisterCommunity(CODE, " ", null, null, -5))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).errors()).extracting("field")
                        .containsExactly("name", "kind", "townshipName", "residentPopulation"));
    }

    @Test
    void aCompoundIsAddedOnceUnderItsId() {
        fixture.given(REGISTERED)
               .when(new AddCompound(CODE, "C1", "幸福小区", null))
               .expectEvents(new CompoundAdded(CODE, "C1", "幸福小区"));
    }

    @Test
    void aSecondCompoundWithTheSameIdIsRefused() {
        fixture.given(REGISTERED, new CompoundAdded(CODE, "C1", "幸福小区"))
               .when(new AddCompound(CODE, "C1", "和谐小区", null))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("community 350802001001 already has a compound with id C1; "
                                       + "compound ids are unique within a community")
               .expectNoEvents();
    }

    @Test
    void compoundIdsMustBeSafeInPathsAndUnitNames() {
        assertThatThrownBy(() -> new AddCompound(CODE, "a/b", "小区", null))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("compoundId");
    }

    @Test
    void theResidentPopulationIsUpdated() {
        fixture.given(REGISTERED)
               .when(new UpdateResidentPopulation(CODE, 15_000, null))
               .expectEvents(new ResidentPopulationUpdated(CODE, 15_000));
    }

    @Test
    void aNegativePopulationIsInvalid() {
        assertThatThrownBy(() -> new UpdateResidentPopulation(CODE, -1, null))
                .isInstanceOf(InvalidInput.class).hasMessage("residentPopulation: must not be negative");
    }

    @Test
    void aCommunityIsFlaggedDisputeProminentWithAReason() {
        fixture.given(REGISTERED)
               .when(new FlagDisputeProminent(CODE, "物业纠纷多发", null))
               .expectEvents(new CommunityFlaggedDisputeProminent(CODE, "物业纠纷多发"));
    }

    @Test
    void flaggingTwiceIsRefused() {
        fixture.given(REGISTERED, new CommunityFlaggedDisputeProminent(CODE, "物业纠纷多发"))
               .when(new FlagDisputeProminent(CODE, "again", null))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("community 350802001001 is already flagged as dispute-prominent")
               .expectNoEvents();
    }

    @Test
    void aFlagIsCleared() {
        fixture.given(REGISTERED, new CommunityFlaggedDisputeProminent(CODE, "物业纠纷多发"))
               .when(new ClearDisputeProminent(CODE, "已化解", null))
               .expectEvents(new CommunityDisputeProminenceCleared(CODE, "已化解"));
    }

    @Test
    void clearingAnUnflaggedCommunityIsRefused() {
        fixture.given(REGISTERED)
               .when(new ClearDisputeProminent(CODE, null, null))
               .expectException(RuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void aFlagNeedsAReason() {
        assertThatThrownBy(() -> new FlagDisputeProminent(CODE, "  ", null))
                .isInstanceOf(InvalidInput.class).hasMessage("reason: is required");
    }
}
