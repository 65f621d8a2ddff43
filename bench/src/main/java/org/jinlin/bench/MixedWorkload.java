package org.jinlin.bench;

import org.jinlin.kernel.MetadataKeys;
import org.jinlin.kernel.community.CommunityCommands.AddCompound;
import org.jinlin.kernel.community.CommunityCommands.RegisterCommunity;
import org.jinlin.kernel.community.CommunityCommands.UpdateResidentPopulation;
import org.jinlin.kernel.community.CommunityKind;
import org.jinlin.kernel.dispute.Category;
import org.jinlin.kernel.dispute.DisputeCommands.AssignMediator;
import org.jinlin.kernel.dispute.DisputeCommands.RecordMediationStep;
import org.jinlin.kernel.dispute.DisputeCommands.ReportDispute;
import org.jinlin.kernel.dispute.DisputeCommands.ResolveDispute;
import org.jinlin.kernel.dispute.Party;
import org.jinlin.kernel.dispute.PartyRole;
import org.jinlin.kernel.dispute.Scale;
import org.jinlin.kernel.dispute.Source;
import org.jinlin.kernel.dispute.StepKind;
import org.jinlin.kernel.household.EmploymentStatus;
import org.jinlin.kernel.household.HouseholdCommands.RegisterHousehold;
import org.jinlin.kernel.household.IdCardNumber;
import org.jinlin.kernel.household.MemberFacts;
import org.jinlin.kernel.household.Relation;
import org.jinlin.kernel.mediator.MediatorCommands.AppointMediator;
import org.jinlin.kernel.mediator.MediatorCommands.RegisterMediator;
import org.jinlin.kernel.mediator.MediatorEmployment;
import org.jinlin.kernel.policy.CityPolicyCommands.SetCityPolicy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mixed workload of a community office: registrars register households, communities and mediators and appoint
 * mediators; mediators report disputes, record mediation steps and resolve them; a coordinator assigns them; and,
 * when reads are on, an auditor looks up cases, households, communities and mediators. Each worker owns its own
 * community and mediator, so workers never contend for one aggregate, and every command it sends is one the
 * domain accepts (a refusal is an error of the benchmark).
 *
 * <p>Commands in a mix of 100: 15 register a household, 20 report a dispute, 17 assign, 25 record a step, 13
 * resolve, 4 register a mediator, 4 appoint one, 2 update a population; with reads on, 20 % of all operations are
 * reads. The mix follows the case flow, so the share of each kind settles near these numbers.
 */
final class MixedWorkload implements Runner.Workload {

    static final String COUNTY = "350802";
    static final String CITY = "350800";
    static final String REGISTRAR = "bench-registrar";
    static final String COORDINATOR = "bench-coordinator";
    static final String AUDITOR = "bench-auditor";
    private static final AtomicLong PEOPLE = new AtomicLong();
    private static final LocalDate FIRST_BIRTH = LocalDate.of(1950, 1, 1);

    private final int worker;
    private final String run;
    private final boolean reads;
    private final Random random;
    private final String community;
    private final String mediatorId;
    private final String mediatorUser;
    private final Instant reportedAt = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private final Deque<String> reported = new ArrayDeque<>();
    private final List<Case> assigned = new ArrayList<>();
    private final List<String> households = new ArrayList<>();
    private final List<String> disputes = new ArrayList<>();
    private final Deque<String> unappointed = new ArrayDeque<>();
    private final List<String> mediators = new ArrayList<>();
    private final List<Op> setup = new ArrayList<>();
    private long next;
    /** The event token of the latest answered write, so a read sees this worker's own writes. */
    private String token;

    private static final class Case {
        final String id;
        int steps;

        Case(String id) {
            this.id = id;
        }
    }

    /**
     * @param run a short tag that makes this run's ids unique in a database other runs have used
     */
    MixedWorkload(int worker, String run, boolean reads, long seed) {
        this.worker = worker;
        this.run = run;
        this.reads = reads;
        this.random = new Random(seed * 31 + worker);
        this.community = communityCode(run, worker);
        this.mediatorId = "BM-" + run + "-" + worker;
        this.mediatorUser = mediatorUser(run, worker);
        setup.add(registerCommunity(community));
        setup.add(write("add-compound", REGISTRAR, "POST", "/api/communities/" + community + "/compounds",
                        map("compoundId", "C1", "name", "幸福小区"),
                        new AddCompound(community, "C1", "幸福小区", null), community));
        setup.add(registerMediator(mediatorId, true));
        setup.add(appoint(mediatorId));
    }

    private static final Map<String, Integer> RUNS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Community codes 350802 + township 100+worker + a number per run tag: distinct for 800 workers, 999 runs. */
    static String communityCode(String run, int worker) {
        int number = RUNS.computeIfAbsent(run, r -> RUNS.size() + 1);
        return COUNTY + String.format("%03d%03d", 100 + worker, number);
    }

    static String mediatorUser(String run, int worker) {
        return "bench-mediator-" + run + "-" + worker;
    }

    String mediatorId() {
        return mediatorId;
    }

    /** The city's policy, which households need; sent once before any worker starts. */
    static Op cityPolicy() {
        return write("city-policy", REGISTRAR, "PUT", "/api/city-policies/" + CITY,
                     map("dibaoStandard", 1000, "effectiveFrom", "2021-01-01"),
                     new SetCityPolicy(CITY, new BigDecimal("1000"), LocalDate.of(2021, 1, 1), null, null, null), CITY);
    }

    /** The worker's community, compound, mediator and appointment, before its timed operations. */
    @Override
    public List<Op> setup() {
        return setup;
    }

    @Override
    public Op next() {
        if (reads && random.nextInt(100) < 20 && !disputes.isEmpty()) {
            return read();
        }
        int dice = random.nextInt(100);
        if (dice < 15) {
            return registerHousehold();
        }
        if (dice < 35 || (reported.isEmpty() && assigned.isEmpty())) {
            return reportDispute();
        }
        if (dice < 52 && !reported.isEmpty()) {
            String id = reported.poll();
            assigned.add(new Case(id));
            return write("assign", COORDINATOR, "POST", "/api/disputes/" + id + "/assignment",
                         map("mediatorId", mediatorId), new AssignMediator(id, mediatorId, null), id);
        }
        if (dice < 90 && !assigned.isEmpty()) {
            int index = random.nextInt(assigned.size());
            Case open = assigned.get(index);
            if (open.steps == 0 || (dice < 77 && open.steps < 3)) {
                open.steps++;
                return step(open);
            }
            assigned.remove(index);
            Instant at = reportedAt.plus(open.steps + 1, ChronoUnit.DAYS);
            return asMediator(write("resolve", mediatorUser, "POST", "/api/disputes/" + open.id + "/resolution",
                                    map("agreementSummary", "双方达成书面协议", "resolvedAt", at.toString()),
                                    new ResolveDispute(open.id, "双方达成书面协议", at, null), open.id));
        }
        if (dice < 94) {
            String id = mediatorId + "-" + (++next);
            unappointed.add(id);
            return registerMediator(id, random.nextBoolean());
        }
        if (dice < 98 && !unappointed.isEmpty()) {
            String id = unappointed.poll();
            mediators.add(id);
            return appoint(id);
        }
        int population = 800 + random.nextInt(25_000);
        return write("population", REGISTRAR, "PUT", "/api/communities/" + community + "/population",
                     map("residentPopulation", population), new UpdateResidentPopulation(community, population, null),
                     community);
    }

    @Override
    public void answered(Op op, Driver.Answer answer) {
        if (answer.token() != null) {
            token = answer.token();
        }
    }

    private Op read() {
        int dice = random.nextInt(4);
        if (dice == 0) {
            return read("read-dispute", "/api/disputes/" + disputes.get(random.nextInt(disputes.size())));
        }
        if (dice == 1 && !households.isEmpty()) {
            return read("read-household", "/api/households/" + households.get(random.nextInt(households.size())));
        }
        if (dice == 2) {
            return read("read-community", "/api/communities/" + community);
        }
        return read("read-disputes-of-mediator", "/api/disputes?mediatorId=" + mediatorId + "&size=50");
    }

    /** Reads wait (up to 5 s, API.md) until the read model has this worker's latest write, as a user would. */
    private Op read(String kind, String path) {
        String consistent = token == null ? path
                : path + (path.contains("?") ? "&" : "?") + "consistentWith=" + token;
        return new Op(kind, AUDITOR, "GET", consistent, null, null, Map.of(), null);
    }

    private Op step(Case open) {
        StepKind kind = open.steps == 1 ? StepKind.INTAKE : StepKind.HOME_VISIT;
        Instant at = reportedAt.plus(open.steps, ChronoUnit.DAYS);
        return asMediator(write("step", mediatorUser, "POST", "/api/disputes/" + open.id + "/steps",
                                map("kind", kind.name(), "note", "上门走访，听取双方意见", "occurredAt", at.toString()),
                                new RecordMediationStep(open.id, kind, "上门走访，听取双方意见", at, null), open.id));
    }

    private Op reportDispute() {
        String id = "BD-" + run + "-" + worker + "-" + (++next);
        reported.add(id);
        disputes.add(id);
        if (disputes.size() > 1000) {
            disputes.remove(random.nextInt(disputes.size()));
        }
        Map<String, Object> body = map("disputeId", id, "communityCode", community, "compoundId", "C1",
                                       "category", "NEIGHBOUR", "scale", "SMALL", "source", "PARTY_APPLICATION",
                                       "parties", List.of(map("name", "王某", "role", "APPLICANT"),
                                                          map("name", "李某", "role", "RESPONDENT")),
                                       "summary", "楼上漏水，双方就维修费用协商不成", "reportedAt", reportedAt.toString());
        return asMediator(write("report-dispute", mediatorUser, "POST", "/api/disputes", body,
                                new ReportDispute(id, community, "C1", Category.NEIGHBOUR, Scale.SMALL,
                                                  Source.PARTY_APPLICATION,
                                                  List.of(new Party("王某", PartyRole.APPLICANT),
                                                          new Party("李某", PartyRole.RESPONDENT)),
                                                  "楼上漏水，双方就维修费用协商不成", reportedAt), id));
    }

    private Op registerHousehold() {
        String id = "BH-" + run + "-" + worker + "-" + (++next);
        households.add(id);
        if (households.size() > 1000) {
            households.remove(random.nextInt(households.size()));
        }
        int size = 1 + random.nextInt(4);
        List<Map<String, Object>> bodies = new ArrayList<>();
        List<MemberFacts> members = new ArrayList<>();
        Relation[] relations = {Relation.HEAD, Relation.SPOUSE, Relation.CHILD, Relation.PARENT};
        for (int i = 0; i < size; i++) {
            String idNumber = nextIdNumber();
            String name = "居民" + (i + 1);
            bodies.add(map("idNumber", idNumber, "name", name, "relation", relations[i].name(),
                           "employment", "EMPLOYED"));
            members.add(new MemberFacts(idNumber, name, relations[i], EmploymentStatus.EMPLOYED, null, null, null,
                                        null, null, null, null, null, null));
        }
        int income = 500 + random.nextInt(8000);
        return write("register-household", REGISTRAR, "POST", "/api/households",
                     map("householdId", id, "communityCode", community, "compoundId", "C1", "monthlyIncome", income,
                         "migrant", false, "members", bodies),
                     new RegisterHousehold(id, community, "C1", BigDecimal.valueOf(income), false, members), id);
    }

    /** A valid 18-digit resident id number, distinct across the JVM: adults born 1950–1989. */
    static String nextIdNumber() {
        long n = PEOPLE.getAndIncrement();
        LocalDate born = FIRST_BIRTH.plusDays((n / 1000) % 14_600);
        String first17 = COUNTY + born.toString().replace("-", "") + String.format("%03d", n % 1000);
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    private Op registerCommunity(String code) {
        return write("register-community", REGISTRAR, "POST", "/api/communities",
                     map("code", code, "name", "近邻社区" + worker, "kind", "URBAN", "townshipName", "东城街道",
                         "residentPopulation", 12_000),
                     new RegisterCommunity(code, "近邻社区" + worker, CommunityKind.URBAN, "东城街道", 12_000), code);
    }

    private Op registerMediator(String id, boolean fullTime) {
        MediatorEmployment employment = fullTime ? MediatorEmployment.FULL_TIME : MediatorEmployment.PART_TIME;
        return write("register-mediator", REGISTRAR, "POST", "/api/mediators",
                     map("mediatorId", id, "name", "调解员" + id, "employment", employment.name()),
                     new RegisterMediator(id, "调解员" + id, employment), id);
    }

    private Op appoint(String id) {
        return write("appoint-mediator", REGISTRAR, "POST", "/api/mediators/" + id + "/appointments",
                     map("communityCode", community), new AppointMediator(id, community, null), id);
    }

    private Op asMediator(Op op) {
        Map<String, Object> metaData = new LinkedHashMap<>(op.metaData());
        metaData.put(MetadataKeys.MEDIATOR_ID, mediatorId);
        return new Op(op.kind(), op.user(), op.method(), op.path(), op.body(), op.command(), metaData,
                      op.aggregateId());
    }

    private static Op write(String kind, String user, String method, String path, Map<String, Object> body,
                            Object command, String aggregateId) {
        String role = user.equals(REGISTRAR) ? "REGISTRAR" : user.equals(COORDINATOR) ? "COORDINATOR" : "MEDIATOR";
        return new Op(kind, user, method, path, body, command,
                      Map.of(MetadataKeys.ACTOR, user, MetadataKeys.ROLE, role), aggregateId);
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
