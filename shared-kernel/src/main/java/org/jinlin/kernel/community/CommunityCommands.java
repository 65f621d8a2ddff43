package org.jinlin.kernel.community;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.jinlin.kernel.Check;
import org.jinlin.kernel.CreatesAggregate;
import org.jinlin.kernel.division.Divisions;

/**
 * What a registrar may do to a community (社区/村). The community's id is its 12-digit division code.
 * {@code expectedVersion} carries an optional {@code If-Match}.
 */
public final class CommunityCommands {

    private CommunityCommands() {
    }

    public record RegisterCommunity(@TargetAggregateIdentifier String code, String name, CommunityKind kind,
                                    String townshipName, Integer residentPopulation) implements CreatesAggregate {
        public RegisterCommunity {
            Check.fields()
                 .valid(() -> Divisions.requireCommunityCode("code", code))
                 .notBlank("name", name, 100)
                 .notNull("kind", kind)
                 .notBlank("townshipName", townshipName, 100)
                 .notNegative("residentPopulation", residentPopulation)
                 .orThrow();
        }

        @Override
        public String aggregateId() {
            return code;
        }

        @Override
        public String alreadyExists() {
            return "community " + code + " is already registered; a division code is registered once";
        }
    }

    /** 小区 / 村民小组: the compound id is unique within its community. */
    public record AddCompound(@TargetAggregateIdentifier String code, String compoundId, String name,
                              @TargetAggregateVersion Long expectedVersion) {
        public AddCompound {
            Check.fields()
                 .valid(() -> Divisions.requireCommunityCode("code", code))
                 .clientId("compoundId", compoundId)
                 .notBlank("name", name, 100)
                 .orThrow();
        }
    }

    public record UpdateResidentPopulation(@TargetAggregateIdentifier String code, Integer residentPopulation,
                                           @TargetAggregateVersion Long expectedVersion) {
        public UpdateResidentPopulation {
            Check.fields()
                 .valid(() -> Divisions.requireCommunityCode("code", code))
                 .notNegative("residentPopulation", residentPopulation)
                 .orThrow();
        }
    }

    /** 矛盾纠纷较突出的社区: a priority community for a full-time mediator. */
    public record FlagDisputeProminent(@TargetAggregateIdentifier String code, String reason,
                                       @TargetAggregateVersion Long expectedVersion) {
        public FlagDisputeProminent {
            Check.fields()
                 .valid(() -> Divisions.requireCommunityCode("code", code))
                 .notBlank("reason", reason, 500)
                 .orThrow();
        }
    }

    public record ClearDisputeProminent(@TargetAggregateIdentifier String code, String reason,
                                        @TargetAggregateVersion Long expectedVersion) {
        public ClearDisputeProminent {
            Check.fields()
                 .valid(() -> Divisions.requireCommunityCode("code", code))
                 .optionalText("reason", reason, 500)
                 .orThrow();
        }
    }
}
