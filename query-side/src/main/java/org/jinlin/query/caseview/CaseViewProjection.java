package org.jinlin.query.caseview;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.jinlin.kernel.Forbidden;
import org.jinlin.kernel.caseview.CaseViewQueries;
import org.jinlin.kernel.caseview.CaseViewQueries.Assignment;
import org.jinlin.kernel.caseview.CaseViewQueries.CaseParty;
import org.jinlin.kernel.caseview.CaseViewQueries.CaseReader;
import org.jinlin.kernel.caseview.CaseViewQueries.DisputeCase;
import org.jinlin.kernel.caseview.CaseViewQueries.DisputePage;
import org.jinlin.kernel.caseview.CaseViewQueries.DisputeSummary;
import org.jinlin.kernel.caseview.CaseViewQueries.Escalation;
import org.jinlin.kernel.caseview.CaseViewQueries.FindDisputeCase;
import org.jinlin.kernel.caseview.CaseViewQueries.FollowUp;
import org.jinlin.kernel.caseview.CaseViewQueries.ListDisputes;
import org.jinlin.kernel.caseview.CaseViewQueries.Reclassification;
import org.jinlin.kernel.caseview.CaseViewQueries.Referral;
import org.jinlin.kernel.caseview.CaseViewQueries.Reopening;
import org.jinlin.kernel.caseview.CaseViewQueries.Resolution;
import org.jinlin.kernel.caseview.CaseViewQueries.Step;
import org.jinlin.kernel.caseview.CaseViewQueries.Withdrawal;
import org.jinlin.kernel.dispute.Category;
import org.jinlin.kernel.dispute.DisputeEscalated;
import org.jinlin.kernel.dispute.DisputeReclassified;
import org.jinlin.kernel.dispute.DisputeReferredOut;
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
import org.jinlin.kernel.dispute.Status;
import org.jinlin.kernel.dispute.StepKind;
import org.jinlin.kernel.dispute.Venue;
import org.jinlin.kernel.privacy.Masking;
import org.jinlin.query.readmodel.GenerationalProjection;
import org.jinlin.query.readmodel.Generations;
import org.jinlin.query.readmodel.TemporalTable;
import org.jinlin.query.readmodel.TemporalTable.Condition;
import org.jinlin.query.readmodel.TemporalTable.Version;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * 调解卷宗与调解员待办 (read model 4), serving the policy's "矛盾纠纷调处机制": each dispute case as it stands — status,
 * level, mediator, parties, the steps of the mediation in the order they happened, escalations, follow-up visits and
 * the outcome — and the mediators' work queues: the open cases, oldest report first, each flagged overdue when it
 * has awaited a mediator, or been with one without an outcome, longer than {@link OverdueProperties} allows.
 * <p>
 * Overdue is not stored: it is computed when asked, against the service's clock (or the {@code asOf} instant), so a
 * case becomes overdue without a new event. The deadlines it is computed from are stored: the instant a case began
 * to await a mediator (its report, or its latest escalation) and the instant it was last given to one (assignment or
 * reopening).
 * <p>
 * A mediator reads only the cases they hold or have held; coordinators, auditors and administrators read everything.
 * A reader who may see cases but not the people in them gets the names masked and the free texts withheld, so the
 * read model itself never hands personal data to a reader not entitled to it (the HTTP layer refuses analysts
 * outright: they read statistics and rosters).
 */
@Component
@ProcessingGroup(CaseViewProjection.PROCESSING_GROUP)
@EnableConfigurationProperties(OverdueProperties.class)
public class CaseViewProjection extends GenerationalProjection {

    public static final String PROCESSING_GROUP = "dispute-cases";

    private static final List<Status> OPEN_STATUSES = List.of(Status.REPORTED, Status.ASSIGNED, Status.IN_MEDIATION);

    /** The kinds of entries in a case file, one per event that adds to its history. */
    private enum Entry {
        ASSIGNMENT, STEP, ESCALATION, RECLASSIFICATION, FOLLOW_UP, REOPENING
    }

    /** A case as stored: mutable while one event is applied to a copy of the current version. */
    private static final class CaseRow {
        String communityCode;
        String compoundId;
        Category category;
        Scale scale;
        Source source;
        Status status;
        Level level;
        String mediatorId;
        String summary;
        Instant reportedAt;
        Instant awaitingSince;
        Instant assignedAt;
        Instant resolvedAt;
        Level resolvedLevel;
        String resolvedBy;
        String agreementSummary;
        ReferralTarget referredTo;
        String referralReason;
        Instant referredAt;
        String withdrawalReason;
        Instant withdrawnAt;
        long version;

        Object[] values() {
            return new Object[]{communityCode, compoundId, category.name(), scale.name(), source.name(), status.name(),
                                level.name(), mediatorId, summary, TemporalTable.timestamp(reportedAt),
                                TemporalTable.timestamp(awaitingSince), TemporalTable.timestamp(assignedAt),
                                TemporalTable.timestamp(resolvedAt), name(resolvedLevel), resolvedBy,
                                agreementSummary, name(referredTo), referralReason,
                                TemporalTable.timestamp(referredAt), withdrawalReason,
                                TemporalTable.timestamp(withdrawnAt), version};
        }

        void clearResolution() {
            resolvedAt = null;
            resolvedLevel = null;
            resolvedBy = null;
            agreementSummary = null;
        }
    }

    private static final List<String> CASE_COLUMNS = List.of(
            "community_code", "compound_id", "category", "scale", "source", "status", "level", "mediator_id", "summary",
            "reported_at", "awaiting_since", "assigned_at", "resolved_at", "resolved_level", "resolved_by",
            "agreement_summary", "referred_to", "referral_reason", "referred_at", "withdrawal_reason", "withdrawn_at",
            "version");

    private static final RowMapper<CaseRow> CASE = (rs, n) -> {
        CaseRow row = new CaseRow();
        row.communityCode = rs.getString("community_code");
        row.compoundId = rs.getString("compound_id");
        row.category = Category.valueOf(rs.getString("category"));
        row.scale = Scale.valueOf(rs.getString("scale"));
        row.source = Source.valueOf(rs.getString("source"));
        row.status = Status.valueOf(rs.getString("status"));
        row.level = Level.valueOf(rs.getString("level"));
        row.mediatorId = rs.getString("mediator_id");
        row.summary = rs.getString("summary");
        row.reportedAt = TemporalTable.instant(rs, "reported_at");
        row.awaitingSince = TemporalTable.instant(rs, "awaiting_since");
        row.assignedAt = TemporalTable.instant(rs, "assigned_at");
        row.resolvedAt = TemporalTable.instant(rs, "resolved_at");
        row.resolvedLevel = level(rs, "resolved_level");
        row.resolvedBy = rs.getString("resolved_by");
        row.agreementSummary = rs.getString("agreement_summary");
        row.referredTo = rs.getString("referred_to") == null ? null : ReferralTarget.valueOf(rs.getString("referred_to"));
        row.referralReason = rs.getString("referral_reason");
        row.referredAt = TemporalTable.instant(rs, "referred_at");
        row.withdrawalReason = rs.getString("withdrawal_reason");
        row.withdrawnAt = TemporalTable.instant(rs, "withdrawn_at");
        row.version = rs.getLong("version");
        return row;
    };

    private final TemporalTable cases;
    private final TemporalTable parties;
    private final TemporalTable entries;
    private final OverdueProperties overdue;
    private final Clock clock;

    public CaseViewProjection(JdbcTemplate jdbc, Generations generations, OverdueProperties overdue, Clock clock) {
        super(jdbc, generations);
        this.overdue = overdue;
        this.clock = clock;
        cases = new TemporalTable(jdbc, "case_dispute", List.of("dispute_id"), CASE_COLUMNS);
        parties = new TemporalTable(jdbc, "case_party", List.of("dispute_id", "party_no"), List.of("name", "role"));
        entries = new TemporalTable(jdbc, "case_entry", List.of("dispute_id", "sequence_number"),
                                    List.of("kind", "step_kind", "note", "occurred_at", "mediator_id", "level",
                                            "to_level", "scale", "agreement_honoured", "duration_minutes", "venue", "place"));
    }

    @Override
    public String name() {
        return PROCESSING_GROUP;
    }

    @Override
    protected List<String> tables() {
        return List.of("case_dispute", "case_party", "case_entry");
    }

    @EventHandler
    void on(DisputeReported event, @SequenceNumber long version, @Timestamp Instant at) {
        int generation = writing();
        CaseRow row = new CaseRow();
        row.communityCode = event.communityCode();
        row.compoundId = event.compoundId();
        row.category = event.category();
        row.scale = event.scale();
        row.source = event.source();
        row.status = Status.REPORTED;
        row.level = event.level();
        row.summary = event.summary();
        row.reportedAt = event.reportedAt();
        row.awaitingSince = event.reportedAt();
        row.version = version;
        cases.put(generation, at, cases.current(generation, CASE, event.disputeId()),
                  new Object[]{event.disputeId()}, row.values());
        List<Party> named = event.parties();
        for (int i = 0; i < named.size(); i++) {
            parties.put(generation, at, Optional.empty(), new Object[]{event.disputeId(), i},
                        named.get(i).name(), named.get(i).role().name());
        }
    }

    @EventHandler
    void on(DisputeReclassified event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.disputeId(), version, at, row -> row.scale = event.scale());
        entry(event.disputeId(), version, at, Entry.RECLASSIFICATION, null, event.reason(), at, null, null, null,
              event.scale(), null);
    }

    @EventHandler
    void on(MediatorAssigned event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.disputeId(), version, at, row -> {
            row.status = Status.ASSIGNED;
            row.mediatorId = event.mediatorId();
            row.awaitingSince = null;
            row.assignedAt = at;
        });
        entry(event.disputeId(), version, at, Entry.ASSIGNMENT, null, null, at, event.mediatorId(), event.level(),
              null, null, null);
    }

    @EventHandler
    void on(MediationStepRecorded event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.disputeId(), version, at, row -> row.status = Status.IN_MEDIATION);
        step(event.disputeId(), version, at, event.kind().name(), event.note(), event.occurredAt(),
             event.mediatorId(), event.level(), event.durationMinutes(), event.venue(), event.place());
    }

    @EventHandler
    void on(DisputeEscalated event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.disputeId(), version, at, row -> {
            row.status = Status.REPORTED;
            row.level = event.toLevel();
            row.mediatorId = null;
            row.assignedAt = null;
            row.awaitingSince = at;
        });
        entry(event.disputeId(), version, at, Entry.ESCALATION, null, event.reason(), at, event.releasedMediatorId(),
              event.fromLevel(), event.toLevel(), null, null);
    }

    @EventHandler
    void on(DisputeResolved event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.disputeId(), version, at, row -> {
            row.status = Status.RESOLVED;
            row.resolvedAt = event.resolvedAt();
            row.resolvedLevel = event.level();
            row.resolvedBy = event.mediatorId();
            row.agreementSummary = event.agreementSummary();
        });
    }

    @EventHandler
    void on(DisputeReferredOut event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.disputeId(), version, at, row -> {
            row.status = Status.REFERRED_OUT;
            row.referredTo = event.to();
            row.referralReason = event.reason();
            row.referredAt = at;
        });
    }

    @EventHandler
    void on(DisputeWithdrawn event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.disputeId(), version, at, row -> {
            row.status = Status.WITHDRAWN;
            row.withdrawalReason = event.reason();
            row.withdrawnAt = at;
        });
    }

    @EventHandler
    void on(DisputeReopened event, @SequenceNumber long version, @Timestamp Instant at) {
        change(event.disputeId(), version, at, row -> {
            row.status = Status.ASSIGNED;
            row.mediatorId = event.mediatorId();
            row.assignedAt = at;
            row.clearResolution();
        });
        entry(event.disputeId(), version, at, Entry.REOPENING, null, event.reason(), at, event.mediatorId(),
              event.level(), null, null, null);
    }

    @EventHandler
    void on(FollowUpRecorded event, @SequenceNumber long version, @Timestamp Instant at) {
        // The case stays resolved; only its version moves on, for If-Match.
        change(event.disputeId(), version, at, row -> {
        });
        entry(event.disputeId(), version, at, Entry.FOLLOW_UP, null, event.note(), event.occurredAt(),
              event.mediatorId(), null, null, null, event.agreementHonoured());
    }

    @QueryHandler
    public Optional<DisputeCase> handle(FindDisputeCase query) {
        int generation = reading();
        Condition d = TemporalTable.validAt("d", generation, query.asOf());
        List<CaseRow> found = jdbc.query("select * from case_dispute d where " + d.sql() + " and d.dispute_id = ?",
                                         CASE, d.argsWith(query.disputeId()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CaseReader reader = query.reader();
        boolean held = held(generation, query.disputeId(), reader.mediatorId(), query.asOf());
        if (!reader.readsEveryCase() && !held) {
            throw new Forbidden(reader.mediatorId() == null
                                ? "a mediator reads only their own cases, and no mediator id is set on your user"
                                : "mediator " + reader.mediatorId() + " does not hold and has not held dispute "
                                  + query.disputeId() + "; a mediator reads only their own cases");
        }
        Visible visible = new Visible(reader.seesPersonalData() || held);
        CaseRow row = found.get(0);
        Instant now = query.asOf() == null ? clock.instant() : query.asOf();
        Instant dueBy = dueBy(row.status, row.awaitingSince, row.assignedAt);

        Condition p = TemporalTable.validAt("p", generation, query.asOf());
        List<CaseParty> partyList = jdbc.query(
                "select p.name, p.role from case_party p where " + p.sql() + " and p.dispute_id = ? order by p.party_no",
                (rs, n) -> new CaseParty(visible.name(rs.getString(1)), PartyRole.valueOf(rs.getString(2))),
                p.argsWith(query.disputeId()));

        List<Assignment> assignments = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        List<Escalation> escalations = new ArrayList<>();
        List<Reclassification> reclassifications = new ArrayList<>();
        List<FollowUp> followUps = new ArrayList<>();
        List<Reopening> reopenings = new ArrayList<>();
        Condition e = TemporalTable.validAt("e", generation, query.asOf());
        jdbc.query("select * from case_entry e where " + e.sql() + " and e.dispute_id = ? order by e.sequence_number",
                   rs -> {
                       Instant occurredAt = TemporalTable.instant(rs, "occurred_at");
                       String mediator = rs.getString("mediator_id");
                       String note = visible.text(rs.getString("note"));
                       switch (Entry.valueOf(rs.getString("kind"))) {
                           case ASSIGNMENT -> assignments.add(new Assignment(mediator, level(rs, "level"), occurredAt));
                           case STEP -> steps.add(new Step(StepKind.valueOf(rs.getString("step_kind")), note,
                                                           occurredAt, mediator, level(rs, "level"),
                                                           rs.getObject("duration_minutes", Integer.class),
                                                           Venue.valueOf(rs.getString("venue")),
                                                           visible.text(rs.getString("place"))));
                           case ESCALATION -> escalations.add(new Escalation(level(rs, "level"), level(rs, "to_level"),
                                                                             note, mediator, occurredAt));
                           case RECLASSIFICATION -> reclassifications.add(new Reclassification(
                                   Scale.valueOf(rs.getString("scale")), note, occurredAt));
                           case FOLLOW_UP -> followUps.add(new FollowUp(note, rs.getBoolean("agreement_honoured"),
                                                                        occurredAt, mediator));
                           case REOPENING -> reopenings.add(new Reopening(note, mediator, level(rs, "level"),
                                                                          occurredAt));
                       }
                   },
                   e.argsWith(query.disputeId()));
        // Steps are often written up later than they happened: the file shows them in the order they happened.
        steps.sort(Comparator.comparing(Step::occurredAt));

        return Optional.of(new DisputeCase(
                query.disputeId(), row.status, row.level, row.scale, row.category, row.source, row.communityCode,
                row.compoundId, row.mediatorId, partyList, visible.text(row.summary), row.reportedAt, row.assignedAt,
                dueBy, dueBy != null && now.isAfter(dueBy), assignments, steps, escalations, reclassifications,
                row.resolvedAt == null ? null : new Resolution(row.resolvedLevel, row.resolvedBy,
                                                               visible.text(row.agreementSummary), row.resolvedAt),
                followUps, reopenings,
                row.referredAt == null ? null : new Referral(row.referredTo, row.level,
                                                             visible.text(row.referralReason), row.referredAt),
                row.withdrawnAt == null ? null : new Withdrawal(row.level, visible.text(row.withdrawalReason),
                                                                row.withdrawnAt),
                row.version));
    }

    @QueryHandler
    public DisputePage handle(ListDisputes query) {
        CaseReader reader = query.reader();
        String mediatorId = query.mediatorId();
        if (!reader.readsEveryCase()) {
            if (reader.mediatorId() == null) {
                throw new Forbidden("a mediator lists only their own cases, and no mediator id is set on your user");
            }
            if (mediatorId != null && !mediatorId.equals(reader.mediatorId())) {
                throw new Forbidden("mediator " + reader.mediatorId() + " may list only their own cases, not those "
                                    + "of mediator " + mediatorId);
            }
            mediatorId = reader.mediatorId();
        }
        Instant now = query.asOf() == null ? clock.instant() : query.asOf();
        int generation = reading();
        // One part per status: each finds its cases through the queue index (generation, status, valid_to,
        // reported_at, dispute_id, then valid_from and the overdue clocks) by equality, where "status in (…)" made
        // the database walk every version of every case. The parts' counts add up to the total; a page is the first
        // entries of each part, merged. As of an earlier instant a status has two parts
        // (TemporalTable.validAtInRanges), each a range of the index, and the index holds every column the conditions
        // test, so the counts read no rows.
        List<Status> statuses = query.status() == null ? OPEN_STATUSES : List.of(query.status());
        List<Part> parts = new ArrayList<>();
        List<Condition> validities = TemporalTable.validAtInRanges("d", generation, query.asOf());
        for (Status status : statuses) {
            for (int v = 0; v < validities.size(); v++) {
                // The current versions come in list order from the index (the columns before reported_at are
                // fixed); those that ended after asOf are read for their keys (below).
                StringBuilder filter = new StringBuilder(" where " + validities.get(v).sql() + " and d.status = ?");
                List<Object> args = new ArrayList<>(List.of(validities.get(v).argsWith(status.name())));
                if (mediatorId != null) {
                    filter.append(" and d.mediator_id = ?");
                    args.add(mediatorId);
                }
                if (query.overdue() != null) {
                    // The same rule as dueBy below, as a condition: past the deadline means the deadline began
                    // before now minus the allowance; a closed case is never overdue.
                    Duration allowance = allowance(status);
                    if (allowance == null) {
                        if (query.overdue()) {
                            continue;
                        }
                    } else {
                        String clockStart = status == Status.REPORTED ? "d.awaiting_since" : "d.assigned_at";
                        filter.append(query.overdue() ? " and " : " and not ").append("(" + clockStart + " < ?)");
                        args.add(TemporalTable.timestamp(now.minus(allowance)));
                    }
                }
                parts.add(new Part(filter.toString(), args, v > 0));
            }
        }
        long total = 0;
        long offset = (long) query.page() * query.size();
        // With one part the database skips to the page; with several each gives its first offset + size.
        long first = parts.size() == 1 ? offset : 0L;
        long wanted = parts.size() == 1 ? query.size() : offset + query.size();
        List<DisputeSummary> items = new ArrayList<>();
        for (Part part : parts) {
            if (part.ended()) {
                // The versions that ended after asOf: their index range also holds every version begun since, so
                // one pass over it gives both the count and the keys, and only the rows of the page are read.
                List<VersionKey> keys = jdbc.query("select d.reported_at, d.dispute_id, d.valid_from from case_dispute d"
                                                   + part.where(),
                                                   (rs, n) -> new VersionKey(rs.getObject(1, OffsetDateTime.class),
                                                                             rs.getString(2),
                                                                             rs.getObject(3, OffsetDateTime.class)),
                                                   part.args().toArray());
                total += keys.size();
                keys.sort(VersionKey.LIST_ORDER);
                for (VersionKey key : keys.subList((int) Math.min(first, keys.size()),
                                                   (int) Math.min(first + wanted, keys.size()))) {
                    items.addAll(jdbc.query("select d.* from case_dispute d where d.generation = ? and d.dispute_id = ?"
                                            + " and d.valid_from = ?", (rs, n) -> summary(rs, n, now),
                                            generation, key.disputeId(), key.validFrom()));
                }
            } else {
                Long count = jdbc.queryForObject("select count(*) from case_dispute d" + part.where(), Long.class,
                                                 part.args().toArray());
                total += count == null ? 0 : count;
                List<Object> args = new ArrayList<>(part.args());
                args.add(first);
                args.add(wanted);
                items.addAll(jdbc.query("select d.* from case_dispute d" + part.where() + INDEX_ORDER
                                        + " offset ? rows fetch next ? rows only",
                                        (rs, n) -> summary(rs, n, now), args.toArray()));
            }
        }
        if (parts.size() > 1) {
            items.sort(Comparator.comparing(DisputeSummary::reportedAt).thenComparing(DisputeSummary::disputeId));
            items = items.subList((int) Math.min(offset, items.size()),
                                  (int) Math.min(offset + query.size(), items.size()));
        }
        return new DisputePage(List.copyOf(items), query.page(), query.size(), total);
    }

    /** The list order, led by the columns a part fixes, so that H2 reads the queue index in order, not sorting. */
    private static final String INDEX_ORDER = " order by d.generation, d.status, d.valid_to, d.reported_at, "
                                              + "d.dispute_id";

    /**
     * One part of a case list: its condition and the condition's arguments; {@code ended} for the versions that
     * ended after the instant asked for, else the current versions, read in list order from the queue index.
     */
    private record Part(String where, List<Object> args, boolean ended) {
    }

    /** A case version's place in the list and its primary key, as the queue index holds them. */
    private record VersionKey(OffsetDateTime reportedAt, String disputeId, OffsetDateTime validFrom) {

        static final Comparator<VersionKey> LIST_ORDER =
                Comparator.comparing((VersionKey key) -> key.reportedAt().toInstant())
                          .thenComparing(VersionKey::disputeId);
    }

    private DisputeSummary summary(ResultSet rs, int n, Instant now) throws SQLException {
        CaseRow row = CASE.mapRow(rs, n);
        Instant dueBy = dueBy(row.status, row.awaitingSince, row.assignedAt);
        return new DisputeSummary(rs.getString("dispute_id"), row.status, row.level, row.scale, row.category,
                                  row.source, row.communityCode, row.compoundId, row.mediatorId, row.reportedAt,
                                  row.assignedAt, dueBy, dueBy != null && now.isAfter(dueBy));
    }

    /** When an open case becomes overdue: awaiting a mediator, or with one; null once it is closed. */
    private Instant dueBy(Status status, Instant awaitingSince, Instant assignedAt) {
        Duration allowance = allowance(status);
        if (allowance == null) {
            return null;
        }
        return (status == Status.REPORTED ? awaitingSince : assignedAt).plus(allowance);
    }

    /**
     * How long a case may stay in a status before it is overdue: awaiting a mediator since it was reported or
     * escalated, or with one since the assignment; null for a closed case.
     */
    private Duration allowance(Status status) {
        if (status == Status.REPORTED) {
            return overdue.unassignedAfter();
        }
        if (status == Status.ASSIGNED || status == Status.IN_MEDIATION) {
            return overdue.unresolvedAfter();
        }
        return null;
    }

    /** Whether the mediator was ever given the case, up to {@code asOf}. */
    private boolean held(int generation, String disputeId, String mediatorId, Instant asOf) {
        if (mediatorId == null) {
            return false;
        }
        Condition e = TemporalTable.validAt("e", generation, asOf);
        Long count = jdbc.queryForObject("select count(*) from case_entry e where " + e.sql()
                                         + " and e.dispute_id = ? and e.kind = ? and e.mediator_id = ?", Long.class,
                                         e.argsWith(disputeId, Entry.ASSIGNMENT.name(), mediatorId));
        return count != null && count > 0;
    }

    /** What of a case's personal data the reader sees: all of it, or masked names and withheld texts. */
    private record Visible(boolean inFull) {

        String name(String name) {
            return inFull ? name : Masking.name(name);
        }

        String text(String text) {
            return inFull || text == null ? text : CaseViewQueries.WITHHELD;
        }
    }

    private void change(String disputeId, long version, Instant at, Consumer<CaseRow> change) {
        int generation = writing();
        Optional<Version<CaseRow>> previous = cases.current(generation, CASE, disputeId);
        previous.ifPresent(current -> {
            CaseRow row = current.row();
            change.accept(row);
            row.version = version;
            cases.put(generation, at, previous, new Object[]{disputeId}, row.values());
        });
    }

    private void entry(String disputeId, long sequence, Instant at, Entry kind, String stepKind, String note,
                       Instant occurredAt, String mediatorId, Level level, Level toLevel, Scale scale,
                       Boolean agreementHonoured) {
        entries.put(writing(), at, Optional.empty(), new Object[]{disputeId, sequence}, kind.name(), stepKind, note,
                    TemporalTable.timestamp(occurredAt), mediatorId, name(level), name(toLevel), name(scale),
                    agreementHonoured, null, null, null);
    }

    private void step(String disputeId, long sequence, Instant at, String stepKind, String note, Instant occurredAt,
                      String mediatorId, Level level, Integer durationMinutes, Venue venue, String place) {
        entries.put(writing(), at, Optional.empty(), new Object[]{disputeId, sequence}, Entry.STEP.name(), stepKind,
                    note, TemporalTable.timestamp(occurredAt), mediatorId, name(level), null, null, null,
                    durationMinutes, venue.name(), place);
    }

    private static Level level(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : Level.valueOf(value);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
