package org.jinlin.command.mediator;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.jinlin.command.registry.CommunityRegistry;
import org.jinlin.kernel.InvalidInput;
import org.jinlin.kernel.RuleViolation;
import org.jinlin.kernel.mediator.MediatorAppointed;
import org.jinlin.kernel.mediator.MediatorCommands.AppointMediator;
import org.jinlin.kernel.mediator.MediatorCommands.ChangeEmployment;
import org.jinlin.kernel.mediator.MediatorCommands.RegisterMediator;
import org.jinlin.kernel.mediator.MediatorCommands.RelieveMediator;
import org.jinlin.kernel.mediator.MediatorEmploymentChanged;
import org.jinlin.kernel.mediator.MediatorRegistered;
import org.jinlin.kernel.mediator.MediatorRelieved;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jinlin.kernel.mediator.MediatorEmployment.FULL_TIME;
import static org.jinlin.kernel.mediator.MediatorEmployment.PART_TIME;

class MediatorTest {

    private static final String EAST = "350802001001";
    private static final String WEST = "350802001002";
    private static final String UNREGISTERED = "350802001099";

    private AggregateTestFixture<Mediator> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Mediator.class);
        Set<String> registered = Set.of(EAST, WEST);
        fixture.registerInjectableResource((CommunityRegistry) registered::contains);
    }

    @Test
    void aRegistrarRegistersAFullTimeMediator() {
        fixture.givenNoPriorActivity()
               .when(new RegisterMediator("M-1", "张三", FULL_TIME))
               .expectEvents(new MediatorRegistered("M-1", "张三", FULL_TIME));
    }

    @Test
    void mediatorIdsAreRestrictedToSafeCharacters() {
        assertThatThrownBy(() -> new RegisterMediator("M 1/2", "张三", FULL_TIME))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("mediatorId");
    }

    @Test
    void aMediatorIsAppointedToARegisteredCommunity() {
        fixture.given(new MediatorRegistered("M-1", "张三", FULL_TIME))
               .when(new AppointMediator("M-1", EAST, null))
               .expectEvents(new MediatorAppointed("M-1", EAST));
    }

    @Test
    void anAppointmentToAnUnregisteredCommunityIsRefused() {
        fixture.given(new MediatorRegistered("M-1", "张三", FULL_TIME))
               .when(new AppointMediator("M-1", UNREGISTERED, null))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("community 350802001099 is not registered; "
                                       + "register it before appointing mediators to it")
               .expectNoEvents();
    }

    @Test
    void aFullTimeMediatorServesOneCommunityAtATime() {
        fixture.given(new MediatorRegistered("M-1", "张三", FULL_TIME), new MediatorAppointed("M-1", EAST))
               .when(new AppointMediator("M-1", WEST, null))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("mediator M-1 is full-time and already appointed to community 350802001001; "
                                       + "a full-time mediator serves one community at a time, "
                                       + "relieve that appointment first")
               .expectNoEvents();
    }

    @Test
    void aFullTimeMediatorRelievedMayBeAppointedElsewhere() {
        fixture.given(new MediatorRegistered("M-1", "张三", FULL_TIME), new MediatorAppointed("M-1", EAST),
                      new MediatorRelieved("M-1", EAST, "调任"))
               .when(new AppointMediator("M-1", WEST, null))
               .expectEvents(new MediatorAppointed("M-1", WEST));
    }

    @Test
    void aPartTimeMediatorMayServeSeveralCommunities() {
        fixture.given(new MediatorRegistered("M-2", "李四", PART_TIME), new MediatorAppointed("M-2", EAST))
               .when(new AppointMediator("M-2", WEST, null))
               .expectEvents(new MediatorAppointed("M-2", WEST));
    }

    @Test
    void theSameAppointmentTwiceIsRefused() {
        fixture.given(new MediatorRegistered("M-2", "李四", PART_TIME), new MediatorAppointed("M-2", EAST))
               .when(new AppointMediator("M-2", EAST, null))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("mediator M-2 is already appointed to community 350802001001")
               .expectNoEvents();
    }

    @Test
    void anAppointmentIsRelievedWithAReason() {
        fixture.given(new MediatorRegistered("M-1", "张三", FULL_TIME), new MediatorAppointed("M-1", EAST))
               .when(new RelieveMediator("M-1", EAST, "退休", null))
               .expectEvents(new MediatorRelieved("M-1", EAST, "退休"));
    }

    @Test
    void relievingAnAppointmentThatDoesNotExistIsRefused() {
        fixture.given(new MediatorRegistered("M-1", "张三", FULL_TIME), new MediatorAppointed("M-1", EAST))
               .when(new RelieveMediator("M-1", WEST, "退休", null))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("mediator M-1 holds no appointment to community 350802001002; "
                                       + "only an existing appointment can be relieved")
               .expectNoEvents();
    }

    @Test
    void aReliefNeedsAReason() {
        assertThatThrownBy(() -> new RelieveMediator("M-1", EAST, "", null))
                .isInstanceOf(InvalidInput.class).hasMessage("reason: is required");
    }

    @Test
    void aFullTimeMediatorBecomesPartTime() {
        fixture.given(new MediatorRegistered("M-1", "张三", FULL_TIME), new MediatorAppointed("M-1", EAST))
               .when(new ChangeEmployment("M-1", PART_TIME, null))
               .expectEvents(new MediatorEmploymentChanged("M-1", PART_TIME));
    }

    @Test
    void changingToTheCurrentEmploymentIsRefused() {
        fixture.given(new MediatorRegistered("M-1", "张三", FULL_TIME))
               .when(new ChangeEmployment("M-1", FULL_TIME, null))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("mediator M-1 is already full-time (专职)")
               .expectNoEvents();
    }

    @Test
    void aPartTimeMediatorServingSeveralCommunitiesCannotBecomeFullTime() {
        fixture.given(new MediatorRegistered("M-2", "李四", PART_TIME), new MediatorAppointed("M-2", EAST),
                      new MediatorAppointed("M-2", WEST))
               .when(new ChangeEmployment("M-2", FULL_TIME, null))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("mediator M-2 serves 2 communities [350802001001, 350802001002]; "
                                       + "a full-time mediator serves one community at a time, relieve the others first")
               .expectNoEvents();
    }

    @Test
    void aPartTimeMediatorServingOneCommunityMayBecomeFullTime() {
        fixture.given(new MediatorRegistered("M-2", "李四", PART_TIME), new MediatorAppointed("M-2", EAST))
               .when(new ChangeEmployment("M-2", FULL_TIME, null))
               .expectEvents(new MediatorEmploymentChanged("M-2", FULL_TIME));
    }
}
