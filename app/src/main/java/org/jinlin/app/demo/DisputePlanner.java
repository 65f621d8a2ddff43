package org.jinlin.app.demo;

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
import org.jinlin.kernel.dispute.Level;
import org.jinlin.kernel.dispute.Party;
import org.jinlin.kernel.dispute.PartyRole;
import org.jinlin.kernel.dispute.ReferralTarget;
import org.jinlin.kernel.dispute.Scale;
import org.jinlin.kernel.dispute.Source;
import org.jinlin.kernel.dispute.StepKind;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Dispute cases reported from 2021 to 2023 and the paths they took, as the mediators and coordinators would record
 * them: most small matters resolved in their compound within days, big ones over weeks, and some escalated,
 * referred out, withdrawn, reclassified or reopened after an agreement was not kept; a few are still open. Each
 * command is sent by whoever may send it (a mediator reports and mediates, a coordinator assigns, escalates,
 * refers and reopens) with the business dates of the case. The first disputes take each path in turn, so even a
 * tiny data set shows every outcome.
 */
final class DisputePlanner {

    /** The path a case takes, with its weight per thousand. */
    enum Path {
        RESOLVED(700), ESCALATED(90), REFERRED(60), WITHDRAWN(50), REOPENED(40), RECLASSIFIED(45), OPEN(15);

        final int weight;

        Path(int weight) {
            this.weight = weight;
        }
    }

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final LocalDate FIRST_DAY = LocalDate.of(2021, 1, 1);
    private static final int DAYS = (int) (LocalDate.of(2024, 1, 1).toEpochDay() - FIRST_DAY.toEpochDay());
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyyMM");
    /** One dispute in this many is handled by the demo mediator, so their work queue has a history. */
    private static final int DEMO_MEDIATOR_SHARE = 50;

    private final DemoWorld world;
    private final SplittableRandom random;
    private final long[] cumulativePopulation;
    private final int total;
    private int index;
    private int demoMediatorOpen;

    /** Plans {@code total} disputes, reported in the order they are planned, spread over 2021 to 2023. */
    DisputePlanner(DemoWorld world, long seed, int total) {
        this.world = world;
        this.total = Math.max(1, total);
        this.random = new SplittableRandom(seed ^ 0x44697370L);
        this.cumulativePopulation = Draws.cumulativeWeights(
                world.communities,
                community -> community.population() * (community.prominentReason() != null ? 3L : 1L));
    }

    /** The next dispute's commands, in the order they were sent. */
    List<Step> next() {
        int number = ++index;
        boolean demoMediatorCase = number % DEMO_MEDIATOR_SHARE == 7 && world.demoMediatorId != null;
        Path path = number <= Path.values().length ? Path.values()[number - 1] : weighted();
        if (demoMediatorCase && demoMediatorOpen < 3) {
            demoMediatorOpen++;
            path = Path.OPEN;
        }
        DemoWorld.Community community = demoMediatorCase ? demoMediatorCommunity() : community();
        String compoundId = community.compounds().isEmpty() || random.nextInt(100) >= 85 ? null
                : community.compounds().get(random.nextInt(community.compounds().size())).id();
        Level startLevel = Level.startingLevel(compoundId);
        Category category = category(community);
        Scale scale = random.nextInt(100) < 72 ? Scale.SMALL : Scale.BIG;
        Source source = source();
        // The n-th of the disputes is reported in the n-th equal part of the three years, on a random day of it.
        LocalDate day = FIRST_DAY.plusDays(Math.min(DAYS - 1, (long) ((number - 1 + random.nextDouble()) * DAYS / total)));
        Instant reportedAt = day.atTime(8 + random.nextInt(12), random.nextInt(60)).atZone(CHINA).toInstant();
        String disputeId = "D" + day.format(MONTH) + "-" + String.format("%06d", number);

        List<String> appointed = world.appointedTo.get(community.code());
        String mediator = demoMediatorCase ? world.demoMediatorId : appointed.get(random.nextInt(appointed.size()));
        Actor reporter = source == Source.PARTY_APPLICATION || source == Source.COMMITTEE_INITIATIVE
                ? mediatorActor(mediator) : Actor.COORDINATOR;

        Case c = new Case(disputeId, reportedAt, scale);
        c.add(reporter, new ReportDispute(disputeId, community.code(), compoundId, category, scale, source,
                                          parties(category), Texts.summary(category, random), reportedAt));
        switch (path) {
            case RESOLVED -> {
                c.assign(mediator);
                c.mediate(mediator, startLevel);
                c.resolve(mediator);
                if (random.nextInt(100) < 35) {
                    c.followUp(mediator, true);
                }
            }
            case ESCALATED -> {
                c.assign(mediator);
                c.steps(mediator, 1 + random.nextInt(2));
                Level level = startLevel == Level.COMPOUND && random.nextInt(100) < 65 ? Level.COMMUNITY
                        : random.nextInt(100) < 80 ? Level.TOWNSHIP : Level.COUNTY;
                c.escalate(level);
                String next = mediatorAt(level, community, mediator);
                c.assign(next);
                c.steps(next, 1 + random.nextInt(3));
                int dice = random.nextInt(100);
                if (dice < 80 || level == Level.COUNTY) {
                    if (dice >= 90 && level == Level.COUNTY) {
                        c.refer(random.nextBoolean() ? ReferralTarget.COURT : ReferralTarget.PETITION_OFFICE);
                    } else {
                        c.resolve(next);
                    }
                } else if (dice < 90) {
                    c.escalate(Level.COUNTY);
                    String county = mediatorAt(Level.COUNTY, community, next);
                    c.assign(county);
                    c.steps(county, 1 + random.nextInt(2));
                    c.resolve(county);
                } else {
                    c.refer(ReferralTarget.COURT);
                }
            }
            case REFERRED -> {
                if (random.nextInt(100) < 30) {
                    c.refer(source == Source.REFERRED_BY_POLICE || category == Category.DEBT
                            ? ReferralTarget.PUBLIC_SECURITY : ReferralTarget.COURT);
                } else {
                    c.assign(mediator);
                    c.steps(mediator, 1 + random.nextInt(2));
                    c.refer(category == Category.LABOUR ? ReferralTarget.ARBITRATION
                            : category == Category.LAND ? ReferralTarget.PETITION_OFFICE : ReferralTarget.COURT);
                }
            }
            case WITHDRAWN -> {
                if (random.nextInt(100) < 40) {
                    c.withdraw(Actor.COORDINATOR, "申请人撤回调解申请");
                } else {
                    c.assign(mediator);
                    c.steps(mediator, 1);
                    c.withdraw(mediatorActor(mediator), "双方自行和解，申请人撤回");
                }
            }
            case REOPENED -> {
                c.assign(mediator);
                c.mediate(mediator, startLevel);
                c.resolve(mediator);
                c.followUp(mediator, false);
                c.reopen();
                c.steps(mediator, 1 + random.nextInt(2));
                if (random.nextInt(100) < 75) {
                    c.resolve(mediator);
                } else {
                    c.refer(ReferralTarget.COURT);
                }
            }
            case RECLASSIFIED -> {
                c.assign(mediator);
                c.steps(mediator, 1);
                c.reclassify(mediator);
                c.steps(mediator, 1 + random.nextInt(2));
                c.resolve(mediator);
            }
            case OPEN -> {
                int stage = random.nextInt(3);
                if (stage >= 1) {
                    c.assign(mediator);
                }
                if (stage >= 2) {
                    c.steps(mediator, 1);
                }
            }
            default -> throw new IllegalStateException("unplanned path " + path);
        }
        return c.steps;
    }

    private Path weighted() {
        return Draws.perThousand(random, Path.values(), value -> value.weight, Path.RESOLVED);
    }

    private DemoWorld.Community community() {
        return Draws.byCumulativeWeight(random, world.communities, cumulativePopulation);
    }

    private DemoWorld.Community demoMediatorCommunity() {
        List<String> codes = world.mediators.stream().filter(m -> m.id().equals(world.demoMediatorId)).findFirst()
                                            .orElseThrow().communities();
        return world.communityByCode.get(codes.get(random.nextInt(codes.size())));
    }

    /**
     * Who takes a case at a level: in the compound or community a mediator appointed there (another one when
     * there is one); above it a full-time mediator of the county, or else any mediator of the city.
     */
    private String mediatorAt(Level level, DemoWorld.Community community, String previous) {
        if (level.isWithinCommunity()) {
            List<String> appointed = world.appointedTo.get(community.code());
            List<String> others = appointed.stream().filter(id -> !id.equals(previous)).toList();
            return others.isEmpty() ? previous : others.get(random.nextInt(others.size()));
        }
        List<String> fullTime = world.fullTimeByCounty.getOrDefault(community.countyCode(), List.of());
        List<String> candidates = fullTime.isEmpty() ? world.mediatorsByCity.get(community.cityCode()) : fullTime;
        return candidates.get(random.nextInt(candidates.size()));
    }

    private Actor mediatorActor(String mediatorId) {
        return Actor.mediator(mediatorId, world.demoMediatorId);
    }

    private Category category(DemoWorld.Community community) {
        int dice = random.nextInt(100);
        boolean rural = community.code().substring(9).compareTo("200") >= 0;
        if (rural && dice < 15) {
            return Category.LAND;
        }
        if (dice < 30) {
            return Category.NEIGHBOUR;
        }
        if (dice < 45) {
            return rural ? Category.NEIGHBOUR : Category.PROPERTY_MANAGEMENT;
        }
        if (dice < 57) {
            return Category.FAMILY;
        }
        if (dice < 65) {
            return Category.MARRIAGE;
        }
        if (dice < 70) {
            return Category.INHERITANCE;
        }
        if (dice < 79) {
            return Category.LABOUR;
        }
        if (dice < 86) {
            return Category.LAND;
        }
        if (dice < 95) {
            return Category.DEBT;
        }
        return Category.OTHER;
    }

    private Source source() {
        int dice = random.nextInt(100);
        return dice < 55 ? Source.PARTY_APPLICATION : dice < 80 ? Source.COMMITTEE_INITIATIVE
                : dice < 90 ? Source.REFERRED_BY_POLICE : dice < 95 ? Source.REFERRED_BY_COURT
                : Source.REFERRED_BY_GOVERNMENT;
    }

    private List<Party> parties(Category category) {
        List<Party> parties = new ArrayList<>();
        parties.add(new Party(Words.personName(random, random.nextBoolean()), PartyRole.APPLICANT));
        String respondent = switch (category) {
            case PROPERTY_MANAGEMENT -> Words.pick(random, Words.PLACES) + "物业服务有限公司";
            case LABOUR -> Words.pick(random, Words.PLACES) + "建筑劳务有限公司";
            default -> Words.personName(random, random.nextBoolean());
        };
        parties.add(new Party(respondent, PartyRole.RESPONDENT));
        if (random.nextInt(100) < 15) {
            parties.add(new Party(Words.personName(random, random.nextBoolean()), PartyRole.OTHER));
        }
        return parties;
    }

    /** One case being written down, with a clock that only moves forward from the report. */
    private final class Case {
        final String disputeId;
        final List<Step> steps = new ArrayList<>();
        Instant clock;
        Scale scale;
        String resolvedBy;

        Case(String disputeId, Instant reportedAt, Scale scale) {
            this.disputeId = disputeId;
            this.clock = reportedAt;
            this.scale = scale;
        }

        /** A step happening now, by the case's clock. */
        void add(Actor actor, Object command) {
            steps.add(new Step(actor, command, clock));
        }

        Instant later(int minHours, int maxHours) {
            clock = clock.plus(Duration.ofMinutes(60L * minHours + random.nextInt(60 * (maxHours - minHours) + 1)));
            return clock;
        }

        void assign(String mediatorId) {
            later(0, 8);
            add(Actor.COORDINATOR, new AssignMediator(disputeId, mediatorId, null));
        }

        /** The usual mediation: a small matter in one to three steps over days, a big one over weeks. */
        void mediate(String mediatorId, Level level) {
            int count = scale == Scale.SMALL ? 1 + random.nextInt(3) : 2 + random.nextInt(3);
            steps(mediatorId, count);
        }

        void steps(String mediatorId, int count) {
            for (int i = 0; i < count; i++) {
                StepKind kind = i == 0 && steps.stream().noneMatch(s -> s.command() instanceof RecordMediationStep)
                        ? StepKind.INTAKE : Texts.stepKind(random);
                Instant at = scale == Scale.SMALL ? later(2, 72) : later(24, 24 * 8);
                // A call is short, a joint session long; the venue is the one the kind implies.
                int minutes = kind == StepKind.PHONE_CALL ? 5 + random.nextInt(26) : 30 + random.nextInt(151);
                add(mediatorActor(mediatorId), new RecordMediationStep(disputeId, kind, Texts.stepNote(kind, random),
                                                                       at, minutes, null, null, null));
            }
        }

        void resolve(String mediatorId) {
            resolvedBy = mediatorId;
            add(mediatorActor(mediatorId), new ResolveDispute(disputeId, Texts.agreement(random), later(1, 48), null));
        }

        void followUp(String mediatorId, boolean honoured) {
            Instant at = later(24 * 7, 24 * 45);
            add(mediatorActor(mediatorId), new RecordFollowUp(
                    disputeId, honoured ? "回访当事人，协议已履行，双方关系缓和" : "回访发现一方未按约定履行协议",
                    honoured, at, null));
        }

        void escalate(Level level) {
            later(4, 72);
            add(Actor.COORDINATOR, new EscalateDispute(disputeId, level, Texts.escalationReason(level), null));
        }

        void refer(ReferralTarget target) {
            later(4, 24 * 7);
            add(Actor.COORDINATOR, new ReferDispute(disputeId, target, Texts.referralReason(target), null));
        }

        void withdraw(Actor actor, String reason) {
            later(2, 24 * 10);
            add(actor, new WithdrawDispute(disputeId, reason, null));
        }

        void reopen() {
            later(24, 24 * 14);
            add(Actor.COORDINATOR, new ReopenDispute(disputeId, "协议未履行，当事人申请重新调解", null));
        }

        void reclassify(String mediatorId) {
            Scale other = scale == Scale.SMALL ? Scale.BIG : Scale.SMALL;
            scale = other;
            later(1, 48);
            add(mediatorActor(mediatorId), new ReclassifyDispute(
                    disputeId, other, other == Scale.BIG ? "经了解涉及金额较大、牵涉多户，改为大事"
                                                         : "双方分歧不大，改为小事", null));
        }
    }
}
