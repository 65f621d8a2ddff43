package org.jinlin.command.dispute;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.jinlin.kernel.FieldError;
import org.jinlin.kernel.Forbidden;
import org.jinlin.kernel.InvalidInput;
import org.jinlin.kernel.RuleViolation;
import org.jinlin.kernel.dispute.Category;
import org.jinlin.kernel.dispute.DisputeCommands.AssignMediator;
import org.jinlin.kernel.dispute.DisputeCommands.EscalateDispute;
import org.jinlin.kernel.dispute.DisputeCommands.ReclassifyDispute;
import org.jinlin.kernel.dispute.DisputeCommands.RecordFollowUp;
import org.jinlin.kernel.dispute.DisputeCommands.RecordMediationStep;
import org.jinlin.kernel.dispute.DisputeCommands.ReferDispute;
import org.jinlin.kernel.dispute.DisputeCommands.ReopenDispute;
import org.jinlin.kernel.dispute.DisputeCommands.ReportDispute;
import org.jinlin.kernel.dispute.DisputeCommands.ResolveDispute;
import org.jinlin.kernel.dispute.DisputeCommands.WithdrawDispute;
import org.jinlin.kernel.dispute.DisputeEscalated;
import org.jinlin.kernel.dispute.DisputeReclassified;
import org.jinlin.kernel.dispute.DisputeReopened;
import org.jinlin.kernel.dispute.DisputeReported;
import org.jinlin.kernel.dispute.DisputeResolved;
import org.jinlin.kernel.dispute.DisputeWithdrawn;
import org.jinlin.kernel.dispute.FollowUpRecorded;
import org.jinlin.kernel.dispute.Level;
import org.jinlin.kernel.dispute.MediationStepRecorded;
import org.jinlin.kernel.dispute.MediatorAssigned;
import org.jinlin.kernel.dispute.Party;
import org.jinlin.kernel.dispute.PartyRole;
import org.jinlin.kernel.dispute.ReferralTarget;
import org.jinlin.kernel.dispute.Scale;
import org.jinlin.kernel.dispute.Source;
import org.jinlin.kernel.dispute.StepKind;
import org.jinlin.kernel.dispute.Venue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.jinlin.command.dispute.Cast.COMPOUND;
import static org.jinlin.command.dispute.Cast.COORDINATOR;
import static org.jinlin.command.dispute.Cast.DISPUTE;
import static org.jinlin.command.dispute.Cast.EAST;
import static org.jinlin.command.dispute.Cast.NOW;
import static org.jinlin.command.dispute.Cast.PARTIES;
import static org.jinlin.command.dispute.Cast.REGISTRAR;
import static org.jinlin.command.dispute.Cast.REPORTED_AT;
import static org.jinlin.command.dispute.Cast.UNREGISTERED_COMMUNITY;
import static org.jinlin.command.dispute.Cast.WEST;
import static org.jinlin.command.dispute.Cast.coordinatorOf;
import static org.jinlin.command.dispute.Cast.day;
import static org.jinlin.command.dispute.Cast.mediator;
import static org.jinlin.command.dispute.Cast.reportedInCommunity;
import static org.jinlin.command.dispute.Cast.reportedInCompound;

/** The dispute rules of DOMAIN.md one by one: reporting, who may act, appointments, levels and business dates. */
class DisputeTest {

    private AggregateTestFixture<Dispute> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Dispute.class);
        fixture.registerInjectableResource(new Cast.Lookups());
        fixture.registerInjectableResource(Cast.CLOCK);
    }

    private static ReportDispute report(String community, String compound) {
        return new ReportDispute(DISPUTE, community, compound, Category.NEIGHBOUR, Scale.SMALL,
                                 Source.PARTY_APPLICATION, PARTIES, "噪音扰民", REPORTED_AT);
    }

    private static MediatorAssigned assigned(String mediatorId, Level level) {
        return new MediatorAssigned(DISPUTE, mediatorId, level);
    }

    private static MediationStepRecorded step(String mediatorId, Level level) {
        return new MediationStepRecorded(DISPUTE, StepKind.INTAKE, "受理", day(1), mediatorId, level,
                                         null, Venue.NOT_RECORDED, null);
    }

    private static DisputeResolved resolved(String mediatorId, Level level) {
        return new DisputeResolved(DISPUTE, level, mediatorId, "达成协议", day(2));
    }

    @Nested
    class Reporting {

        @Test
        void aMediatorReportsADisputeInACompoundWhereItStartsAtCompoundLevel() {
            fixture.givenNoPriorActivity()
                   .when(report(EAST, COMPOUND), mediator("M-1"))
                   .expectEvents(reportedInCompound());
        }

        @Test
        void aDisputeReportedWithoutACompoundStartsAtCommunityLevel() {
            fixture.givenNoPriorActivity()
                   .when(new ReportDispute(DISPUTE, EAST, null, Category.PROPERTY_MANAGEMENT, Scale.BIG,
                                           Source.COMMITTEE_INITIATIVE, PARTIES, "物业费争议", REPORTED_AT),
                         COORDINATOR)
                   .expectEvents(reportedInCommunity());
        }

        @Test
        void aBlankCompoundIdMeansTheCommunityItself() {
            assertThat(report(EAST, "  ").compoundId()).isNull();
        }

        @Test
        void namesAndTheSummaryAreStoredWithoutSurroundingBlanks() {
            fixture.givenNoPriorActivity()
                   .when(new ReportDispute(DISPUTE, EAST, COMPOUND, Category.NEIGHBOUR, Scale.SMALL,
                                           Source.PARTY_APPLICATION,
                                           List.of(new Party(" 王某 ", PartyRole.APPLICANT),
                                                   new Party("李某\n", PartyRole.RESPONDENT)),
                                           " 噪音扰民 ", REPORTED_AT),
                         mediator("M-1"))
                   .expectEvents(reportedInCompound());
        }

        @Test
        void onlyAMediatorOrACoordinatorReportsADispute() {
            fixture.givenNoPriorActivity()
                   .when(report(EAST, COMPOUND), REGISTRAR)
                   .expectException(Forbidden.class)
                   .expectExceptionMessage("only a mediator or a coordinator may report a dispute")
                   .expectNoEvents();
        }

        @Test
        void aCoordinatorBoundToAnotherCountyDoesNotReportHere() {
            fixture.givenNoPriorActivity()
                   .when(report(EAST, COMPOUND), coordinatorOf("350803"))
                   .expectException(Forbidden.class)
                   .expectExceptionMessage("a coordinator of county 350803 may not report a dispute in community "
                                           + "350802001001, which lies outside that county")
                   .expectNoEvents();
        }

        @Test
        void aDisputeIsReportedOnlyInARegisteredCommunity() {
            fixture.givenNoPriorActivity()
                   .when(report(UNREGISTERED_COMMUNITY, null), mediator("M-1"))
                   .expectException(RuleViolation.class)
                   .expectExceptionMessage("community 350802001099 is not registered; "
                                           + "a dispute is reported in a registered community")
                   .expectNoEvents();
        }

        @Test
        void theCompoundMustBeOneOfTheCommunitys() {
            fixture.givenNoPriorActivity()
                   .when(report(WEST, COMPOUND), mediator("M-1"))
                   .expectException(RuleViolation.class)
                   .expectExceptionMessage("community 350802001002 has no compound C1; a dispute is reported in "
                                           + "one of its community's compounds, or in the community itself "
                                           + "without a compound")
                   .expectNoEvents();
        }

        @Test
        void aReportDatedInTheFutureIsRefused() {
            fixture.givenNoPriorActivity()
                   .when(new ReportDispute(DISPUTE, EAST, COMPOUND, Category.NEIGHBOUR, Scale.SMALL,
                                           Source.PARTY_APPLICATION, PARTIES, "噪音扰民",
                                           NOW.plus(Duration.ofMinutes(6))),
                         mediator("M-1"))
                   .expectException(InvalidInput.class)
                   .expectExceptionMessage("reportedAt: must not be in the future (it is 2021-05-01T08:06:00Z, "
                                           + "the service's time is 2021-05-01T08:00:00Z)")
                   .expectNoEvents();
        }

        @Test
        void aReportAFewMinutesAheadOfTheServicesClockIsTakenAsNow() {
            var aheadOfUs = NOW.plus(Duration.ofMinutes(4));
            fixture.givenNoPriorActivity()
                   .when(new ReportDispute(DISPUTE, EAST, null, Category.OTHER, Scale.SMALL, Source.REFERRED_BY_POLICE,
                                           PARTIES, "纠纷", aheadOfUs),
                         mediator("M-1"))
                   .expectEvents(new DisputeReported(DISPUTE, EAST, null, Level.COMMUNITY, Category.OTHER,
                                                     Scale.SMALL, Source.REFERRED_BY_POLICE, PARTIES, "纠纷",
                                                     aheadOfUs));
        }

        @Test
        void aReportNamesEveryFieldAtFaultAtOnce() {
            InvalidInput invalid = catchThrowableOfType(InvalidInput.class, () -> new ReportDispute(
                    "D 1", "3508", "C/1", null, null, null,
                    Arrays.asList(new Party("", PartyRole.APPLICANT), null), " ", null));
            assertThat(invalid.errors()).extracting(FieldError::field)
                                        .containsExactly("disputeId", "communityCode", "compoundId", "category",
                                                         "scale", "source", "parties[0].name", "parties[1].name",
                                                         "parties[1].role", "summary", "reportedAt");
        }

        @Test
        void aReportNeedsAtLeastOneParty() {
            assertThatThrownBy(() -> new ReportDispute(DISPUTE, EAST, null, Category.FAMILY, Scale.SMALL,
                                                       Source.PARTY_APPLICATION, List.of(), "家庭矛盾", REPORTED_AT))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessage("parties: at least one party is required (usually the applicant and the respondent)");
        }
    }

    @Nested
    class Assignment {

        @Test
        void aCoordinatorAssignsAMediatorAppointedToTheDisputesCommunity() {
            fixture.given(reportedInCompound())
                   .when(new AssignMediator(DISPUTE, "M-1", null), COORDINATOR)
                   .expectEvents(assigned("M-1", Level.COMPOUND));
        }

        @Test
        void atCompoundLevelAMediatorWithoutAnActiveAppointmentToTheCommunityIsRefused() {
            // M-3 is registered but holds no appointment (never appointed, or relieved).
            fixture.given(reportedInCompound())
                   .when(new AssignMediator(DISPUTE, "M-3", null), COORDINATOR)
                   .expectException(RuleViolation.class)
                   .expectExceptionMessage("mediator M-3 holds no active appointment to community 350802001001; "
                                           + "at COMPOUND level dispute D-1 is assigned only to a mediator "
                                           + "appointed to its community")
                   .expectNoEvents();
        }

        @Test
        void atCommunityLevelAnAppointmentToAnotherCommunityDoesNotCount() {
            fixture.given(reportedInCommunity())
                   .when(new AssignMediator(DISPUTE, "M-4", null), COORDINATOR)
                   .expectException(RuleViolation.class)
                   .expectExceptionMessage("mediator M-4 holds no active appointment to community 350802001001; "
                                           + "at COMMUNITY level dispute D-1 is assigned only to a mediator "
                                           + "appointed to its community")
                   .expectNoEvents();
        }

        @Test
        void aboveCommunityLevelAnyRegisteredMediatorMayBeAssigned() {
            fixture.given(reportedInCompound(),
                          new DisputeEscalated(DISPUTE, Level.COMPOUND, Level.TOWNSHIP, "涉及多方", null))
                   .when(new AssignMediator(DISPUTE, "M-3", null), COORDINATOR)
                   .expectEvents(assigned("M-3", Level.TOWNSHIP));
        }

        @Test
        void anUnregisteredMediatorIsNeverAssigned() {
            fixture.given(reportedInCompound(),
                          new DisputeEscalated(DISPUTE, Level.COMPOUND, Level.COUNTY, "重大", null))
                   .when(new AssignMediator(DISPUTE, "M-9", null), COORDINATOR)
                   .expectException(RuleViolation.class)
                   .expectExceptionMessage("mediator M-9 is not registered; only a registered mediator can be "
                                           + "assigned to dispute D-1")
                   .expectNoEvents();
        }

        @Test
        void aCaseHeldByAMediatorIsNotAssignedAgain() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND))
                   .when(new AssignMediator(DISPUTE, "M-2", null), COORDINATOR)
                   .expectException(RuleViolation.class)
                   .expectExceptionMessage("dispute D-1 is ASSIGNED; it is held by mediator M-1; a mediator is "
                                           + "assigned only to a dispute awaiting one (REPORTED)")
                   .expectNoEvents();
        }

        @Test
        void onlyACoordinatorAssigns() {
            fixture.given(reportedInCompound())
                   .when(new AssignMediator(DISPUTE, "M-1", null), mediator("M-1"))
                   .expectException(Forbidden.class)
                   .expectExceptionMessage("only a coordinator may assign a mediator to dispute D-1")
                   .expectNoEvents();
        }

        @Test
        void aCoordinatorOfTheDisputesCountyAssigns() {
            fixture.given(reportedInCompound())
                   .when(new AssignMediator(DISPUTE, "M-1", null), coordinatorOf("350802"))
                   .expectEvents(assigned("M-1", Level.COMPOUND));
        }

        @Test
        void aCoordinatorOfAnotherCountyDoesNotAssign() {
            fixture.given(reportedInCompound())
                   .when(new AssignMediator(DISPUTE, "M-1", null), coordinatorOf("350803"))
                   .expectException(Forbidden.class)
                   .expectExceptionMessage("a coordinator of county 350803 may not assign a mediator to dispute "
                                           + "D-1 of community 350802001001, which lies outside that county")
                   .expectNoEvents();
        }
    }

    @Nested
    class Mediation {

        @Test
        void theAssignedMediatorRecordsAStepAndTheCaseIsInMediation() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND))
                   .when(new RecordMediationStep(DISPUTE, StepKind.JOINT_SESSION, "当面调解", day(2), null),
                         mediator("M-1"))
                   .expectEvents(new MediationStepRecorded(DISPUTE, StepKind.JOINT_SESSION, "当面调解", day(2), "M-1",
                                                           Level.COMPOUND, null, Venue.NOT_RECORDED, null));
        }

        @Test
        void aStepRecordsItsDurationVenueAndPlace() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND))
                   .when(new RecordMediationStep(DISPUTE, StepKind.JOINT_SESSION, "当面调解", day(2), 45,
                                                 Venue.MEDIATION_ROOM, "  东城社区调解室 ", null),
                         mediator("M-1"))
                   .expectEvents(new MediationStepRecorded(DISPUTE, StepKind.JOINT_SESSION, "当面调解", day(2), "M-1",
                                                           Level.COMPOUND, 45, Venue.MEDIATION_ROOM, "东城社区调解室"));
        }

        @Test
        void withoutAVenueAStepTakesTheOneItsKindImplies() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND))
                   .when(new RecordMediationStep(DISPUTE, StepKind.HOME_VISIT, "入户走访", day(2), null, null, " ", null),
                         mediator("M-1"))
                   .expectEvents(new MediationStepRecorded(DISPUTE, StepKind.HOME_VISIT, "入户走访", day(2), "M-1",
                                                           Level.COMPOUND, null, Venue.PARTY_HOME, null));
        }

        @Test
        void aStepOfNoMinutesOrMoreThanADayIsRefusedBeforeTheCaseIsAsked() {
            assertThatThrownBy(() -> new RecordMediationStep(DISPUTE, StepKind.PHONE_CALL, "电话", day(2), 0, null,
                                                             null, null))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("durationMinutes: must be between 1 and 1440 minutes (one day)");
            assertThatThrownBy(() -> new RecordMediationStep(DISPUTE, StepKind.PHONE_CALL, "电话", day(2), 1441, null,
                                                             "室".repeat(201), null))
                    .isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("durationMinutes")
                    .hasMessageContaining("place: must be at most 200 characters");
        }

        @Test
        void anotherMediatorMayNotRecordSteps() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND))
                   .when(new RecordMediationStep(DISPUTE, StepKind.PHONE_CALL, "电话", day(2), null),
                         mediator("M-2"))
                   .expectException(Forbidden.class)
                   .expectExceptionMessage("mediator M-2 is not the mediator assigned to dispute D-1; only the "
                                           + "mediator assigned to dispute D-1 (M-1) records its steps")
                   .expectNoEvents();
        }

        @Test
        void aCoordinatorDoesNotRecordSteps() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND))
                   .when(new RecordMediationStep(DISPUTE, StepKind.PHONE_CALL, "电话", day(2), null), COORDINATOR)
                   .expectException(Forbidden.class)
                   .expectExceptionMessage("only the mediator assigned to dispute D-1 (M-1) records its steps")
                   .expectNoEvents();
        }

        @Test
        void aStepBeforeTheReportIsRefused() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND))
                   .when(new RecordMediationStep(DISPUTE, StepKind.INTAKE, "受理", day(-1), null), mediator("M-1"))
                   .expectException(InvalidInput.class)
                   .expectExceptionMessage("occurredAt: must not be before dispute D-1 was reported, at "
                                           + "2021-04-19T08:00:00Z")
                   .expectNoEvents();
        }

        @Test
        void aStepInTheFutureIsRefused() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND))
                   .when(new RecordMediationStep(DISPUTE, StepKind.INTAKE, "受理", day(13), null), mediator("M-1"))
                   .expectException(InvalidInput.class)
                   .expectExceptionMessage(org.hamcrest.Matchers.startsWith("occurredAt: must not be in the future"))
                   .expectNoEvents();
        }

        @Test
        void aStepOnAResolvedDisputeIsRefusedNamingTheState() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND), step("M-1", Level.COMPOUND),
                          resolved("M-1", Level.COMPOUND))
                   .when(new RecordMediationStep(DISPUTE, StepKind.HOME_VISIT, "走访", day(3), null), mediator("M-1"))
                   .expectException(RuleViolation.class)
                   .expectExceptionMessage("dispute D-1 is RESOLVED; a step can only be recorded while the "
                                           + "dispute is open")
                   .expectNoEvents();
        }

        @Test
        void theAssignedMediatorResolvesAtTheCurrentLevel() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND), step("M-1", Level.COMPOUND))
                   .when(new ResolveDispute(DISPUTE, "双方达成协议", day(3), null), mediator("M-1"))
                   .expectEvents(new DisputeResolved(DISPUTE, Level.COMPOUND, "M-1", "双方达成协议", day(3)));
        }

        @Test
        void aDisputeEscalatedToTheTownshipIsResolvedThereByItsNewMediator() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND), step("M-1", Level.COMPOUND),
                          new DisputeEscalated(DISPUTE, Level.COMPOUND, Level.TOWNSHIP, "调解不成", "M-1"),
                          assigned("M-3", Level.TOWNSHIP), step("M-3", Level.TOWNSHIP))
                   .when(new ResolveDispute(DISPUTE, "街道调委会调解成功", day(5), null), mediator("M-3"))
                   .expectEvents(new DisputeResolved(DISPUTE, Level.TOWNSHIP, "M-3", "街道调委会调解成功", day(5)));
        }

        @Test
        void resolvingNeedsAStepByTheMediatorWhoNowHoldsTheCase() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND), step("M-1", Level.COMPOUND),
                          new DisputeEscalated(DISPUTE, Level.COMPOUND, Level.TOWNSHIP, "调解不成", "M-1"),
                          assigned("M-3", Level.TOWNSHIP))
                   .when(new ResolveDispute(DISPUTE, "协议", day(5), null), mediator("M-3"))
                   .expectException(RuleViolation.class)
                   .expectExceptionMessage("dispute D-1 is ASSIGNED; it can be resolved only in mediation, once the "
                                           + "assigned mediator has recorded at least one step")
                   .expectNoEvents();
        }

        @Test
        void anotherMediatorMayNotResolve() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND), step("M-1", Level.COMPOUND))
                   .when(new ResolveDispute(DISPUTE, "协议", day(3), null), mediator("M-2"))
                   .expectException(Forbidden.class)
                   .expectExceptionMessage("mediator M-2 is not the mediator assigned to dispute D-1; only the "
                                           + "mediator assigned to dispute D-1 (M-1) resolves it")
                   .expectNoEvents();
        }

        @Test
        void aResolutionBeforeTheReportIsRefused() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND), step("M-1", Level.COMPOUND))
                   .when(new ResolveDispute(DISPUTE, "协议", REPORTED_AT.minusSeconds(1), null), mediator("M-1"))
                   .expectException(InvalidInput.class)
                   .expectExceptionMessage(org.hamcrest.Matchers.startsWith("resolvedAt: must not be before"))
                   .expectNoEvents();
        }

        @Test
        void aResolutionInTheFutureIsRefused() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND), step("M-1", Level.COMPOUND))
                   .when(new ResolveDispute(DISPUTE, "协议", NOW.plus(Duration.ofHours(1)), null), mediator("M-1"))
                   .expectException(InvalidInput.class)
                   .expectExceptionMessage(org.hamcrest.Matchers.startsWith("resolvedAt: must not be in the future"))
                   .expectNoEvents();
        }
    }

    @Nested
    class Escalation {

        @Test
        void escalationFreesTheCaseFromItsMediatorAndAwaitsOneAtTheNewLevel() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND), step("M-1", Level.COMPOUND))
                   .when(new EscalateDispute(DISPUTE, Level.TOWNSHIP, "调解不成", null), COORDINATOR)
                   .expectEvents(new DisputeEscalated(DISPUTE, Level.COMPOUND, Level.TOWNSHIP, "调解不成", "M-1"));
        }

        @Test
        void afterEscalationTheFormerMediatorNoLongerHoldsTheCase() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND), step("M-1", Level.COMPOUND),
                          new DisputeEscalated(DISPUTE, Level.COMPOUND, Level.TOWNSHIP, "调解不成", "M-1"))
                   .when(new RecordMediationStep(DISPUTE, StepKind.PHONE_CALL, "电话", day(3), null), mediator("M-1"))
                   .expectException(RuleViolation.class)
                   .expectExceptionMessage("dispute D-1 is REPORTED; a step is recorded by the assigned mediator, "
                                           + "and no mediator is assigned yet")
                   .expectNoEvents();
        }

        @Test
        void escalationKeepsTheCommunitySoItsCountysCoordinatorStillActs() {
            fixture.given(reportedInCompound(),
                          new DisputeEscalated(DISPUTE, Level.COMPOUND, Level.COUNTY, "重大", null))
                   .when(new ReferDispute(DISPUTE, ReferralTarget.COURT, "诉讼", null), coordinatorOf("350802"))
                   .expectEvents(new org.jinlin.kernel.dispute.DisputeReferredOut(DISPUTE, Level.COUNTY,
                                                                                  ReferralTarget.COURT, "诉讼"));
        }

        @Test
        void aDisputeMayClimbSeveralLevelsAtOnce() {
            fixture.given(reportedInCompound())
                   .when(new EscalateDispute(DISPUTE, Level.COUNTY, "重大", null), COORDINATOR)
                   .expectEvents(new DisputeEscalated(DISPUTE, Level.COMPOUND, Level.COUNTY, "重大", null));
        }

        @Test
        void escalationGoesUpwardOnly() {
            fixture.given(reportedInCommunity())
                   .when(new EscalateDispute(DISPUTE, Level.COMPOUND, "回小区", null), COORDINATOR)
                   .expectException(RuleViolation.class)
                   .expectExceptionMessage("dispute D-1 is REPORTED; it is handled at COMMUNITY level and can only "
                                           + "be escalated upward, not to COMPOUND")
                   .expectNoEvents();
        }

        @Test
        void escalationToTheSameLevelIsRefused() {
            fixture.given(reportedInCommunity())
                   .when(new EscalateDispute(DISPUTE, Level.COMMUNITY, "同级", null), COORDINATOR)
                   .expectException(RuleViolation.class)
                   .expectExceptionMessage("dispute D-1 is REPORTED; it is handled at COMMUNITY level and can only "
                                           + "be escalated upward, not to COMMUNITY")
                   .expectNoEvents();
        }

        @Test
        void atCountyLevelThereIsNothingAbove() {
            fixture.given(reportedInCommunity(),
                          new DisputeEscalated(DISPUTE, Level.COMMUNITY, Level.COUNTY, "重大", null))
                   .when(new EscalateDispute(DISPUTE, Level.COUNTY, "再上报", null), COORDINATOR)
                   .expectException(RuleViolation.class)
                   .expectExceptionMessage("dispute D-1 is REPORTED; it is handled at COUNTY level, the highest; "
                                           + "refer it out instead of escalating it")
                   .expectNoEvents();
        }

        @Test
        void onlyACoordinatorEscalates() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND))
                   .when(new EscalateDispute(DISPUTE, Level.COMMUNITY, "调解不成", null), mediator("M-1"))
                   .expectException(Forbidden.class)
                   .expectExceptionMessage("only a coordinator may escalate dispute D-1")
                   .expectNoEvents();
        }
    }

    @Nested
    class ClassificationReferralAndWithdrawal {

        @Test
        void theAssignedMediatorReclassifiesASmallMatterAsABigOne() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND))
                   .when(new ReclassifyDispute(DISPUTE, Scale.BIG, "涉及多户", null), mediator("M-1"))
                   .expectEvents(new DisputeReclassified(DISPUTE, Scale.SMALL, Scale.BIG, "涉及多户"));
        }

        @Test
        void reclassifyingToTheSameScaleIsRefused() {
            fixture.given(reportedInCompound())
                   .when(new ReclassifyDispute(DISPUTE, Scale.SMALL, "仍是小事", null), COORDINATOR)
                   .expectException(RuleViolation.class)
                   .expectExceptionMessage("dispute D-1 is REPORTED; it is already classified as SMALL; reclassify "
                                           + "it only to the other scale")
                   .expectNoEvents();
        }

        @Test
        void anotherMediatorMayNotReclassify() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND))
                   .when(new ReclassifyDispute(DISPUTE, Scale.BIG, "大事", null), mediator("M-2"))
                   .expectException(Forbidden.class)
                   .expectExceptionMessage("only the mediator assigned to dispute D-1 (M-1) or a coordinator may "
                                           + "reclassify it")
                   .expectNoEvents();
        }

        @Test
        void beforeAssignmentOnlyACoordinatorReclassifies() {
            fixture.given(reportedInCompound())
                   .when(new ReclassifyDispute(DISPUTE, Scale.BIG, "大事", null), mediator("M-1"))
                   .expectException(Forbidden.class)
                   .expectExceptionMessage("only the mediator assigned to dispute D-1 (none is assigned yet) or a "
                                           + "coordinator may reclassify it")
                   .expectNoEvents();
        }

        @Test
        void theAssignedMediatorWithdrawsTheCase() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND), step("M-1", Level.COMPOUND))
                   .when(new WithdrawDispute(DISPUTE, "当事人自行和解", null), mediator("M-1"))
                   .expectEvents(new DisputeWithdrawn(DISPUTE, Level.COMPOUND, "当事人自行和解"));
        }

        @Test
        void anotherMediatorMayNotWithdrawTheCase() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND))
                   .when(new WithdrawDispute(DISPUTE, "撤回", null), mediator("M-2"))
                   .expectException(Forbidden.class)
                   .expectExceptionMessage("only the mediator assigned to dispute D-1 (M-1) or a coordinator may "
                                           + "withdraw it")
                   .expectNoEvents();
        }

        @Test
        void aCoordinatorOfAnotherCountyMayNotWithdrawTheCase() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND))
                   .when(new WithdrawDispute(DISPUTE, "撤回", null), coordinatorOf("350803"))
                   .expectException(Forbidden.class)
                   .expectExceptionMessage("a coordinator of county 350803 may not withdraw dispute D-1 of "
                                           + "community 350802001001, which lies outside that county")
                   .expectNoEvents();
        }

        @Test
        void onlyACoordinatorRefersADisputeOut() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND), step("M-1", Level.COMPOUND))
                   .when(new ReferDispute(DISPUTE, ReferralTarget.ARBITRATION, "劳动争议", null), mediator("M-1"))
                   .expectException(Forbidden.class)
                   .expectExceptionMessage("only a coordinator may refer out dispute D-1")
                   .expectNoEvents();
        }

        @Test
        void aResolvedDisputeIsReopenedBeforeItCanBeReferred() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND), step("M-1", Level.COMPOUND),
                          resolved("M-1", Level.COMPOUND))
                   .when(new ReferDispute(DISPUTE, ReferralTarget.COURT, "协议未履行", null), COORDINATOR)
                   .expectException(RuleViolation.class)
                   .expectExceptionMessage("dispute D-1 is RESOLVED; only an open dispute can be referred out; "
                                           + "reopen it first")
                   .expectNoEvents();
        }
    }

    @Nested
    class AfterResolution {

        @Test
        void theMediatorWhoResolvedItRecordsAFollowUpVisit() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND), step("M-1", Level.COMPOUND),
                          resolved("M-1", Level.COMPOUND))
                   .when(new RecordFollowUp(DISPUTE, "协议已履行", true, day(9), null), mediator("M-1"))
                   .expectEvents(new FollowUpRecorded(DISPUTE, "协议已履行", true, day(9), "M-1"));
        }

        @Test
        void aCoordinatorRecordsAFollowUpVisitInTheirOwnName() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND), step("M-1", Level.COMPOUND),
                          resolved("M-1", Level.COMPOUND))
                   .when(new RecordFollowUp(DISPUTE, "电话回访", false, day(9), null), COORDINATOR)
                   .expectEvents(new FollowUpRecorded(DISPUTE, "电话回访", false, day(9), null));
        }

        @Test
        void anotherMediatorMayNotRecordAFollowUpVisit() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND), step("M-1", Level.COMPOUND),
                          resolved("M-1", Level.COMPOUND))
                   .when(new RecordFollowUp(DISPUTE, "回访", true, day(9), null), mediator("M-2"))
                   .expectException(Forbidden.class)
                   .expectExceptionMessage("only the mediator who resolved dispute D-1 (M-1) or a coordinator may "
                                           + "record a follow-up visit")
                   .expectNoEvents();
        }

        @Test
        void theMediatorWhoFirstHeldAnEscalatedCaseDoesNotFollowItUp() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND), step("M-1", Level.COMPOUND),
                          new DisputeEscalated(DISPUTE, Level.COMPOUND, Level.TOWNSHIP, "调解不成", "M-1"),
                          assigned("M-3", Level.TOWNSHIP), step("M-3", Level.TOWNSHIP),
                          resolved("M-3", Level.TOWNSHIP))
                   .when(new RecordFollowUp(DISPUTE, "回访", true, day(9), null), mediator("M-1"))
                   .expectException(Forbidden.class)
                   .expectNoEvents();
        }

        @Test
        void aFollowUpBeforeTheResolutionIsRefused() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND), step("M-1", Level.COMPOUND),
                          resolved("M-1", Level.COMPOUND))
                   .when(new RecordFollowUp(DISPUTE, "回访", true, day(1), null), mediator("M-1"))
                   .expectException(InvalidInput.class)
                   .expectExceptionMessage("occurredAt: must not be before the resolution of dispute D-1 at "
                                           + "2021-04-21T08:00:00Z")
                   .expectNoEvents();
        }

        @Test
        void aFollowUpFindingTheAgreementBrokenDoesNotReopenTheCase() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND), step("M-1", Level.COMPOUND),
                          resolved("M-1", Level.COMPOUND),
                          new FollowUpRecorded(DISPUTE, "协议未履行", false, day(9), "M-1"))
                   .when(new RecordMediationStep(DISPUTE, StepKind.HOME_VISIT, "再次走访", day(10), null),
                         mediator("M-1"))
                   .expectException(RuleViolation.class)
                   .expectExceptionMessage("dispute D-1 is RESOLVED; a step can only be recorded while the "
                                           + "dispute is open")
                   .expectNoEvents();
        }

        @Test
        void aCoordinatorReopensTheCaseAndItReturnsToTheMediatorWhoResolvedIt() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND), step("M-1", Level.COMPOUND),
                          resolved("M-1", Level.COMPOUND),
                          new FollowUpRecorded(DISPUTE, "协议未履行", false, day(9), "M-1"))
                   .when(new ReopenDispute(DISPUTE, "协议未履行", null), COORDINATOR)
                   .expectEvents(new DisputeReopened(DISPUTE, Level.COMPOUND, "M-1", "协议未履行"));
        }

        @Test
        void aReopenedCaseIsMediatedAndResolvedAgainByTheSameMediator() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND), step("M-1", Level.COMPOUND),
                          resolved("M-1", Level.COMPOUND),
                          new DisputeReopened(DISPUTE, Level.COMPOUND, "M-1", "协议未履行"),
                          new MediationStepRecorded(DISPUTE, StepKind.JOINT_SESSION, "再次调解", day(10), "M-1",
                                                    Level.COMPOUND, null, Venue.NOT_RECORDED, null))
                   .when(new ResolveDispute(DISPUTE, "补充协议", day(11), null), mediator("M-1"))
                   .expectEvents(new DisputeResolved(DISPUTE, Level.COMPOUND, "M-1", "补充协议", day(11)));
        }

        @Test
        void onlyACoordinatorReopens() {
            fixture.given(reportedInCompound(), assigned("M-1", Level.COMPOUND), step("M-1", Level.COMPOUND),
                          resolved("M-1", Level.COMPOUND))
                   .when(new ReopenDispute(DISPUTE, "协议未履行", null), mediator("M-1"))
                   .expectException(Forbidden.class)
                   .expectExceptionMessage("only a coordinator may reopen dispute D-1")
                   .expectNoEvents();
        }

        @Test
        void aWithdrawnDisputeIsNotReopened() {
            fixture.given(reportedInCompound(), new DisputeWithdrawn(DISPUTE, Level.COMPOUND, "撤回"))
                   .when(new ReopenDispute(DISPUTE, "重新申请", null), COORDINATOR)
                   .expectException(RuleViolation.class)
                   .expectExceptionMessage("dispute D-1 is WITHDRAWN; only a resolved dispute can be reopened")
                   .expectNoEvents();
        }
    }

    @Test
    void reasonsAndNotesAreRequired() {
        assertThatThrownBy(() -> new WithdrawDispute(DISPUTE, " ", null)).isInstanceOf(InvalidInput.class)
                                                                          .hasMessage("reason: is required");
        assertThatThrownBy(() -> new EscalateDispute(DISPUTE, null, "", null))
                .isInstanceOf(InvalidInput.class).hasMessage("toLevel: is required; reason: is required");
        assertThatThrownBy(() -> new RecordFollowUp(DISPUTE, "回访", null, null, null))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("agreementHonoured: is required; occurredAt: is required");
        assertThatThrownBy(() -> new AssignMediator("D/1", "", null))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("disputeId").hasMessageContaining("mediatorId");
    }
}
