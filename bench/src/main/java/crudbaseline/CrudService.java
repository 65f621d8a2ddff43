package crudbaseline;

import org.jinlin.kernel.community.CommunityCommands.AddCompound;
import org.jinlin.kernel.community.CommunityCommands.RegisterCommunity;
import org.jinlin.kernel.community.CommunityCommands.UpdateResidentPopulation;
import org.jinlin.kernel.dispute.DisputeCommands.AssignMediator;
import org.jinlin.kernel.dispute.DisputeCommands.RecordMediationStep;
import org.jinlin.kernel.dispute.DisputeCommands.ReportDispute;
import org.jinlin.kernel.dispute.DisputeCommands.ResolveDispute;
import org.jinlin.kernel.household.HouseholdCommands.RegisterHousehold;
import org.jinlin.kernel.household.MemberFacts;
import org.jinlin.kernel.mediator.MediatorCommands.AppointMediator;
import org.jinlin.kernel.mediator.MediatorCommands.RegisterMediator;
import org.jinlin.kernel.policy.CityPolicyCommands.SetCityPolicy;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The same writes as the event-sourced service makes, done the CRUD way: one transaction per command that loads
 * the current rows, checks the same preconditions (exists, state allows it, appointment held) and inserts or
 * updates them in place. Returns the row's new version, like a command answer.
 */

@Transactional
public class CrudService {

    private final Repositories.Communities communities;
    private final Repositories.Compounds compounds;
    private final Repositories.CityPolicies policies;
    private final Repositories.Mediators mediators;
    private final Repositories.Appointments appointments;
    private final Repositories.Households households;
    private final Repositories.Members members;
    private final Repositories.Disputes disputes;
    private final Repositories.Steps steps;

    CrudService(Repositories.Communities communities, Repositories.Compounds compounds,
                Repositories.CityPolicies policies, Repositories.Mediators mediators,
                Repositories.Appointments appointments, Repositories.Households households,
                Repositories.Members members, Repositories.Disputes disputes, Repositories.Steps steps) {
        this.communities = communities;
        this.compounds = compounds;
        this.policies = policies;
        this.mediators = mediators;
        this.appointments = appointments;
        this.households = households;
        this.members = members;
        this.disputes = disputes;
        this.steps = steps;
    }

    public long handle(Object command) {
        if (command instanceof RegisterCommunity c) {
            require(!communities.existsById(c.code()), "community exists");
            Rows.Community row = new Rows.Community();
            row.code = c.code();
            row.name = c.name();
            row.kind = c.kind().name();
            row.townshipName = c.townshipName();
            row.residentPopulation = c.residentPopulation();
            return communities.save(row).version;
        }
        if (command instanceof AddCompound c) {
            Rows.Community community = communities.findById(c.code()).orElseThrow();
            Rows.Compound row = new Rows.Compound();
            row.id = c.code() + "/" + c.compoundId();
            row.communityCode = c.code();
            row.name = c.name();
            compounds.save(row);
            return community.version;
        }
        if (command instanceof UpdateResidentPopulation c) {
            Rows.Community community = communities.findById(c.code()).orElseThrow();
            community.residentPopulation = c.residentPopulation();
            return communities.saveAndFlush(community).version;
        }
        if (command instanceof SetCityPolicy c) {
            Rows.CityPolicy row = policies.findById(c.cityCode()).orElseGet(Rows.CityPolicy::new);
            row.cityCode = c.cityCode();
            row.dibaoStandard = c.dibaoStandard();
            row.effectiveFrom = c.effectiveFrom();
            return policies.saveAndFlush(row).version;
        }
        if (command instanceof RegisterMediator c) {
            require(!mediators.existsById(c.mediatorId()), "mediator exists");
            Rows.Mediator row = new Rows.Mediator();
            row.id = c.mediatorId();
            row.name = c.name();
            row.employment = c.employment().name();
            return mediators.save(row).version;
        }
        if (command instanceof AppointMediator c) {
            Rows.Mediator mediator = mediators.findById(c.mediatorId()).orElseThrow();
            require(communities.existsById(c.communityCode()), "community exists");
            Rows.Appointment row = new Rows.Appointment();
            row.id = c.mediatorId() + "/" + c.communityCode();
            row.mediatorId = c.mediatorId();
            row.communityCode = c.communityCode();
            row.active = true;
            appointments.save(row);
            return mediators.saveAndFlush(mediator).version;
        }
        if (command instanceof RegisterHousehold c) {
            require(!households.existsById(c.householdId()), "household exists");
            require(communities.existsById(c.communityCode()), "community exists");
            Rows.Household row = new Rows.Household();
            row.id = c.householdId();
            row.communityCode = c.communityCode();
            row.compoundId = c.compoundId();
            row.monthlyIncome = c.monthlyIncome();
            row.migrant = c.migrant();
            List<Rows.Member> rows = new ArrayList<>();
            for (MemberFacts facts : c.members()) {
                Rows.Member member = new Rows.Member();
                member.id = c.householdId() + "/" + facts.idNumber();
                member.householdId = c.householdId();
                member.idNumber = facts.idNumber();
                member.name = facts.name();
                member.relation = facts.relation().name();
                member.employment = facts.employment().name();
                rows.add(member);
            }
            members.saveAll(rows);
            return households.save(row).version;
        }
        if (command instanceof ReportDispute c) {
            require(!disputes.existsById(c.disputeId()), "dispute exists");
            require(communities.existsById(c.communityCode()), "community exists");
            Rows.Dispute row = new Rows.Dispute();
            row.id = c.disputeId();
            row.communityCode = c.communityCode();
            row.compoundId = c.compoundId();
            row.category = c.category().name();
            row.scale = c.scale().name();
            row.source = c.source().name();
            row.summary = c.summary();
            row.parties = c.parties().stream().map(p -> p.role() + ":" + p.name()).collect(Collectors.joining(";"));
            row.reportedAt = c.reportedAt();
            row.status = "REPORTED";
            return disputes.save(row).version;
        }
        if (command instanceof AssignMediator c) {
            Rows.Dispute row = disputes.findById(c.disputeId()).orElseThrow();
            require(row.status.equals("REPORTED"), "state allows assignment");
            require(appointments.findById(c.mediatorId() + "/" + row.communityCode).map(a -> a.active)
                                .orElse(false), "mediator appointed to the community");
            row.mediatorId = c.mediatorId();
            row.status = "ASSIGNED";
            return disputes.saveAndFlush(row).version;
        }
        if (command instanceof RecordMediationStep c) {
            Rows.Dispute row = disputes.findById(c.disputeId()).orElseThrow();
            require(row.status.equals("ASSIGNED") || row.status.equals("IN_MEDIATION"), "state allows a step");
            Rows.Step step = new Rows.Step();
            step.id = c.disputeId() + "/" + (++row.steps);
            step.disputeId = c.disputeId();
            step.kind = c.kind().name();
            step.note = c.note();
            step.occurredAt = c.occurredAt();
            steps.save(step);
            row.status = "IN_MEDIATION";
            return disputes.saveAndFlush(row).version;
        }
        if (command instanceof ResolveDispute c) {
            Rows.Dispute row = disputes.findById(c.disputeId()).orElseThrow();
            require(row.status.equals("IN_MEDIATION"), "state allows resolution");
            row.status = "RESOLVED";
            row.agreementSummary = c.agreementSummary();
            row.resolvedAt = c.resolvedAt();
            return disputes.saveAndFlush(row).version;
        }
        throw new IllegalArgumentException("no CRUD form for " + command.getClass().getSimpleName());
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("refused: " + what);
        }
    }
}
