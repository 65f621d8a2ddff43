package org.jinlin.kernel.mediator;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.jinlin.kernel.Check;
import org.jinlin.kernel.CreatesAggregate;
import org.jinlin.kernel.division.Divisions;

/** What a registrar may do to a people's mediator (人民调解员) and their appointments (配备). */
public final class MediatorCommands {

    private MediatorCommands() {
    }

    public record RegisterMediator(@TargetAggregateIdentifier String mediatorId, String name,
                                   MediatorEmployment employment) implements CreatesAggregate {
        public RegisterMediator {
            Check.fields()
                 .clientId("mediatorId", mediatorId)
                 .notBlank("name", name, 100)
                 .notNull("employment", employment)
                 .orThrow();
        }

        @Override
        public String aggregateId() {
            return mediatorId;
        }

        @Override
        public String alreadyExists() {
            return "mediator " + mediatorId + " is already registered; mediator ids are never reused";
        }
    }

    public record AppointMediator(@TargetAggregateIdentifier String mediatorId, String communityCode,
                                  @TargetAggregateVersion Long expectedVersion) {
        public AppointMediator {
            Check.fields()
                 .clientId("mediatorId", mediatorId)
                 .valid(() -> Divisions.requireCommunityCode("communityCode", communityCode))
                 .orThrow();
        }
    }

    public record RelieveMediator(@TargetAggregateIdentifier String mediatorId, String communityCode, String reason,
                                  @TargetAggregateVersion Long expectedVersion) {
        public RelieveMediator {
            Check.fields()
                 .clientId("mediatorId", mediatorId)
                 .valid(() -> Divisions.requireCommunityCode("communityCode", communityCode))
                 .notBlank("reason", reason, 500)
                 .orThrow();
        }
    }

    public record ChangeEmployment(@TargetAggregateIdentifier String mediatorId, MediatorEmployment employment,
                                   @TargetAggregateVersion Long expectedVersion) {
        public ChangeEmployment {
            Check.fields()
                 .clientId("mediatorId", mediatorId)
                 .notNull("employment", employment)
                 .orThrow();
        }
    }
}
