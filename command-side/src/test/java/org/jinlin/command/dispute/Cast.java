package org.jinlin.command.dispute;

import org.jinlin.command.registry.AppointmentRegistry;
import org.jinlin.command.registry.CommunityRegistry;
import org.jinlin.command.registry.CompoundRegistry;
import org.jinlin.command.registry.MediatorRegistry;
import org.jinlin.kernel.MetadataKeys;
import org.jinlin.kernel.dispute.Category;
import org.jinlin.kernel.dispute.DisputeReported;
import org.jinlin.kernel.dispute.Level;
import org.jinlin.kernel.dispute.Party;
import org.jinlin.kernel.dispute.PartyRole;
import org.jinlin.kernel.dispute.Scale;
import org.jinlin.kernel.dispute.Source;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The people, places and dates the dispute tests share, and the command-side lookups as they stand for them:
 * community EAST with compound C1; mediators M-1 and M-2 appointed to EAST, M-3 registered but appointed nowhere
 * (or relieved), M-4 appointed to WEST only, M-9 never registered.
 */
final class Cast {

    static final String EAST = "350802001001";
    static final String WEST = "350802001002";
    static final String UNREGISTERED_COMMUNITY = "350802001099";
    static final String COMPOUND = "C1";
    static final String DISPUTE = "D-1";

    static final Instant REPORTED_AT = Instant.parse("2021-04-19T08:00:00Z");
    static final Instant NOW = REPORTED_AT.plus(Duration.ofDays(12));
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final List<Party> PARTIES = List.of(new Party("王某", PartyRole.APPLICANT),
                                               new Party("李某", PartyRole.RESPONDENT));

    static final Map<String, Object> COORDINATOR = Map.of(MetadataKeys.ROLE, "COORDINATOR");
    static final Map<String, Object> REGISTRAR = Map.of(MetadataKeys.ROLE, "REGISTRAR");

    private Cast() {
    }

    static Map<String, Object> mediator(String mediatorId) {
        return Map.of(MetadataKeys.ROLE, "MEDIATOR", MetadataKeys.MEDIATOR_ID, mediatorId);
    }

    static Map<String, Object> coordinatorOf(String countyCode) {
        return Map.of(MetadataKeys.ROLE, "COORDINATOR", MetadataKeys.COUNTY_CODE, countyCode);
    }

    static Instant day(int days) {
        return REPORTED_AT.plus(Duration.ofDays(days));
    }

    static DisputeReported reportedInCompound() {
        return new DisputeReported(DISPUTE, EAST, COMPOUND, Level.COMPOUND, Category.NEIGHBOUR, Scale.SMALL,
                                   Source.PARTY_APPLICATION, PARTIES, "噪音扰民", REPORTED_AT);
    }

    static DisputeReported reportedInCommunity() {
        return new DisputeReported(DISPUTE, EAST, null, Level.COMMUNITY, Category.PROPERTY_MANAGEMENT, Scale.BIG,
                                   Source.COMMITTEE_INITIATIVE, PARTIES, "物业费争议", REPORTED_AT);
    }

    /** The command-side lookups of {@link Cast}, as {@code CommandSideLookups} would answer them. */
    static final class Lookups implements CommunityRegistry, CompoundRegistry, MediatorRegistry, AppointmentRegistry {

        private final Set<String> communities = Set.of(EAST, WEST);
        private final Set<String> compounds = Set.of(EAST + "/" + COMPOUND);
        private final Set<String> mediators = Set.of("M-1", "M-2", "M-3", "M-4");
        private final Set<String> appointments = Set.of("M-1@" + EAST, "M-2@" + EAST, "M-4@" + WEST);

        @Override
        public boolean isRegistered(String communityCode) {
            return communities.contains(communityCode);
        }

        @Override
        public boolean hasCompound(String communityCode, String compoundId) {
            return compounds.contains(communityCode + "/" + compoundId);
        }

        @Override
        public boolean isMediatorRegistered(String mediatorId) {
            return mediators.contains(mediatorId);
        }

        @Override
        public boolean isAppointed(String mediatorId, String communityCode) {
            return appointments.contains(mediatorId + "@" + communityCode);
        }
    }
}
