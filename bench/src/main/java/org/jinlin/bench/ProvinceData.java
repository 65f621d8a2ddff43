package org.jinlin.bench;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.jinlin.kernel.MetadataKeys;
import org.jinlin.kernel.community.CommunityKind;
import org.jinlin.kernel.community.CommunityRegistered;
import org.jinlin.kernel.community.CompoundAdded;
import org.jinlin.kernel.dispute.Category;
import org.jinlin.kernel.dispute.DisputeReported;
import org.jinlin.kernel.dispute.DisputeResolved;
import org.jinlin.kernel.dispute.Level;
import org.jinlin.kernel.dispute.MediationStepRecorded;
import org.jinlin.kernel.dispute.MediatorAssigned;
import org.jinlin.kernel.dispute.Party;
import org.jinlin.kernel.dispute.PartyRole;
import org.jinlin.kernel.dispute.Scale;
import org.jinlin.kernel.dispute.Source;
import org.jinlin.kernel.dispute.StepKind;
import org.jinlin.kernel.dispute.Venue;
import org.jinlin.kernel.household.EmploymentStatus;
import org.jinlin.kernel.household.HardshipAssessed;
import org.jinlin.kernel.household.HouseholdCategory;
import org.jinlin.kernel.household.HouseholdRegistered;
import org.jinlin.kernel.household.Member;
import org.jinlin.kernel.household.MemberAdded;
import org.jinlin.kernel.household.MemberCategory;
import org.jinlin.kernel.household.Relation;
import org.jinlin.kernel.household.SelfCare;
import org.jinlin.kernel.household.Sex;
import org.jinlin.kernel.mediator.MediatorAppointed;
import org.jinlin.kernel.mediator.MediatorEmployment;
import org.jinlin.kernel.mediator.MediatorRegistered;
import org.jinlin.kernel.policy.DibaoStandardSet;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A generated province: real domain events appended in bulk through the service's own EventStorageEngine (so they
 * are serialized, encrypted and hash-chained exactly as command-produced ones), in batches, without running the
 * commands. Timestamps run evenly over the two years before now, in append order, so {@code asOf} has history.
 * This is generated data, not command-produced: it skips the command side's checks and lookups.
 */
final class ProvinceData {

    /** Real county-level codes of Fujian, across its nine cities and Pingtan. */
    static final String[] COUNTIES = {"350102", "350103", "350104", "350105", "350111", "350112", "350121",
            "350122", "350203", "350205", "350206", "350211", "350302", "350303", "350304", "350305", "350402",
            "350403", "350502", "350503", "350504", "350505", "350602", "350603", "350702", "350703", "350802",
            "350803", "350821", "350902", "350921", "350981", "350128", "350181", "350182", "350212", "350322",
            "350582", "350583", "350681"};
    private static final Map<String, Object> META = Map.of(MetadataKeys.ACTOR, "bulk-generator",
                                                           MetadataKeys.ROLE, "SYSTEM");

    final int communities;
    final int households;
    final int membersPerHousehold;
    final int disputes;
    final long totalEvents;
    private final EventStorageEngine engine;
    private final int batchSize;
    private final Instant start = Instant.now().minus(Duration.ofDays(730));
    private final Duration step;
    private final Random random = new Random(7);
    private final List<DomainEventMessage<?>> batch = new ArrayList<>();
    private long appended;

    /**
     * @param scale 1.0 is the province: 15 000 communities, 1 000 000 household members in 333 334 households of
     *              three, 300 000 disputes
     */
    ProvinceData(EventStorageEngine engine, double scale, int batchSize) {
        this.engine = engine;
        this.batchSize = batchSize;
        this.communities = (int) Math.round(15_000 * scale);
        this.membersPerHousehold = 3;
        this.households = (int) Math.ceil(1_000_000 * scale / membersPerHousehold);
        this.disputes = (int) Math.round(300_000 * scale);
        // per community: registered, compound, mediator registered, appointed; per household: registered, members,
        // hardship; per dispute: reported, assigned, step, resolved (90 %)
        this.totalEvents = 10 + communities * 4L + households * (2L + membersPerHousehold)
                           + disputes * 3L + disputes * 9L / 10;
        this.step = Duration.ofDays(729).dividedBy(Math.max(1, totalEvents));
    }

    static String community(int i) {
        int j = i / COUNTIES.length;
        return COUNTIES[i % COUNTIES.length] + String.format("%03d%03d", 101 + j / 50, 1 + j % 50);
    }

    static String mediator(int i) {
        return "PM-" + i;
    }

    static String household(int i) {
        return "PH-" + i;
    }

    static String dispute(int i) {
        return "PD-" + i;
    }

    long appended() {
        return appended;
    }

    /**
     * The instant 95 % through the generated history, for {@code asOf} reads: every community, mediator and
     * household exists by then, and the first 80 % of the disputes.
     */
    Instant asOf() {
        return start.plus(step.multipliedBy(totalEvents * 95 / 100));
    }

    void generate(Runnable progress) {
        for (String city : new String[]{"350100", "350200", "350300", "350400", "350500", "350600", "350700",
                "350800", "350900", "350128"}) {
            add("CityPolicy", city, 0, new DibaoStandardSet(city, new BigDecimal("1000"), LocalDate.of(2021, 1, 1)));
        }
        for (int i = 0; i < communities; i++) {
            String code = community(i);
            add("Community", code, 0, new CommunityRegistered(code, "社区" + i, i % 3 == 0 ? CommunityKind.RURAL
                                                                                  : CommunityKind.URBAN,
                                                             "街道" + (i / COUNTIES.length / 50), 2000 + random.nextInt(20_000)));
            add("Community", code, 1, new CompoundAdded(code, "C1", "小区" + i));
            add("Mediator", mediator(i), 0, new MediatorRegistered(mediator(i), "调解员" + i,
                                                                 random.nextInt(10) < 3 ? MediatorEmployment.FULL_TIME
                                                                                        : MediatorEmployment.PART_TIME));
            add("Mediator", mediator(i), 1, new MediatorAppointed(mediator(i), code));
            progress(progress);
        }
        long person = 0;
        LocalDate today = LocalDate.now();
        for (int h = 0; h < households; h++) {
            String id = household(h);
            String code = community(h % communities);
            BigDecimal income = BigDecimal.valueOf(random.nextInt(9000));
            add("Household", id, 0, new HouseholdRegistered(id, code, "C1", income, random.nextInt(20) == 0));
            Relation[] relations = {Relation.HEAD, Relation.SPOUSE, Relation.CHILD};
            for (int m = 0; m < membersPerHousehold; m++) {
                LocalDate born = LocalDate.of(1940, 1, 1).plusDays((person / 1000) % 25_000);
                String first17 = code.substring(0, 6) + born.toString().replace("-", "")
                                 + String.format("%03d", person % 1000);
                person++;
                String idNumber = first17 + org.jinlin.kernel.household.IdCardNumber.checkCharacter(first17);
                Member member = new Member(m + 1, idNumber, "居民" + person, born,
                                           (person % 2 == 0) ? Sex.FEMALE : Sex.MALE, relations[m],
                                           EmploymentStatus.EMPLOYED, null, null, SelfCare.CAPABLE, false, null,
                                           false, false, false, false);
                add("Household", id, m + 1, new MemberAdded(id, member));
            }
            boolean dibao = random.nextInt(10) == 0;
            add("Household", id, membersPerHousehold + 1, new HardshipAssessed(
                    id, dibao ? List.of(HouseholdCategory.DIBAO) : List.of(),
                    dibao ? Map.of(1, List.of(MemberCategory.INDIVIDUAL_DIBAO)) : Map.of(),
                    "generated", today, List.of()));
            progress(progress);
        }
        for (int d = 0; d < disputes; d++) {
            String id = dispute(d);
            int c = d % communities;
            Instant reported = timestamp();
            add("Dispute", id, 0, new DisputeReported(id, community(c), "C1", Level.COMPOUND, Category.NEIGHBOUR,
                                                      Scale.SMALL, Source.PARTY_APPLICATION,
                                                      List.of(new Party("王某", PartyRole.APPLICANT),
                                                              new Party("李某", PartyRole.RESPONDENT)),
                                                      "邻里漏水纠纷", reported));
            add("Dispute", id, 1, new MediatorAssigned(id, mediator(c), Level.COMPOUND));
            add("Dispute", id, 2, new MediationStepRecorded(id, StepKind.HOME_VISIT, "上门走访", reported.plusSeconds(3600),
                                                            mediator(c), Level.COMPOUND, 60, Venue.PARTY_HOME, null));
            if (d % 10 != 0) {
                add("Dispute", id, 3, new DisputeResolved(id, Level.COMPOUND, mediator(c), "达成协议",
                                                          reported.plusSeconds(7200)));
            }
            progress(progress);
        }
        flush();
    }

    private int sinceProgress;

    private void progress(Runnable progress) {
        if (++sinceProgress >= 1000) {
            sinceProgress = 0;
            progress.run();
        }
    }

    private Instant timestamp() {
        return start.plus(step.multipliedBy(appended + batch.size()));
    }

    private void add(String type, String id, long sequence, Object payload) {
        batch.add(new GenericDomainEventMessage<>(type, id, sequence, payload, META, UUID.randomUUID().toString(),
                                                  timestamp()));
        if (batch.size() >= batchSize) {
            flush();
        }
    }

    private void flush() {
        if (!batch.isEmpty()) {
            engine.appendEvents(batch);
            appended += batch.size();
            batch.clear();
        }
    }
}
