package org.jinlin.command.dispute;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jinlin.command.handling.CommandAck;
import org.jinlin.command.web.CommandSender;
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
import org.jinlin.kernel.dispute.ReferralTarget;
import org.jinlin.kernel.dispute.Scale;
import org.jinlin.kernel.dispute.Source;
import org.jinlin.kernel.dispute.StepKind;
import org.jinlin.kernel.dispute.Venue;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

@RestController
@RequestMapping("/api/disputes")
@Tag(name = "矛盾纠纷 Disputes", description = "受理、指派、调解、上报、调结、移交、撤回、重启与回访 "
                                             + "Report, assign, mediate, escalate, resolve, refer, withdraw, reopen "
                                             + "and follow up dispute cases")
class DisputeController {

    private final CommandSender commands;

    DisputeController(CommandSender commands) {
        this.commands = commands;
    }

    record ReportRequest(String disputeId, String communityCode, String compoundId, Category category, Scale scale,
                         Source source, List<Party> parties, String summary, Instant reportedAt) {
    }

    record ClassificationRequest(Scale scale, String reason) {
    }

    record AssignmentRequest(String mediatorId) {
    }

    record StepRequest(StepKind kind, String note, Instant occurredAt, Integer durationMinutes, Venue venue,
                       String place) {
    }

    record EscalationRequest(Level toLevel, String reason) {
    }

    record ResolutionRequest(String agreementSummary, Instant resolvedAt) {
    }

    record ReferralRequest(ReferralTarget to, String reason) {
    }

    record ReasonRequest(String reason) {
    }

    record FollowUpRequest(String note, Boolean agreementHonoured, Instant occurredAt) {
    }

    @PostMapping
    @Operation(summary = "受理纠纷 Report a dispute in a community, or in one of its compounds")
    ResponseEntity<CommandAck> report(@RequestBody ReportRequest body) {
        return commands.create(new ReportDispute(body.disputeId(), body.communityCode(), body.compoundId(),
                                                 body.category(), body.scale(), body.source(), body.parties(),
                                                 body.summary(), body.reportedAt()),
                               "/api/disputes/{id}");
    }

    @PostMapping("/{id}/classification")
    @Operation(summary = "重新定性 Reclassify an open dispute as a small (小事) or big (大事) matter")
    ResponseEntity<CommandAck> reclassify(@PathVariable String id, @RequestBody ClassificationRequest body) {
        return commands.change(new ReclassifyDispute(id, body.scale(), body.reason(), commands.ifMatch()));
    }

    @PostMapping("/{id}/assignment")
    @Operation(summary = "指派调解员 Assign a mediator to a dispute awaiting one")
    ResponseEntity<CommandAck> assign(@PathVariable String id, @RequestBody AssignmentRequest body) {
        return commands.change(new AssignMediator(id, body.mediatorId(), commands.ifMatch()));
    }

    @PostMapping("/{id}/steps")
    @Operation(summary = "记录调解步骤 Record a mediation step (the assigned mediator only)")
    ResponseEntity<CommandAck> recordStep(@PathVariable String id, @RequestBody StepRequest body) {
        return commands.change(new RecordMediationStep(id, body.kind(), body.note(), body.occurredAt(),
                                                       body.durationMinutes(), body.venue(), body.place(),
                                                       commands.ifMatch()));
    }

    @PostMapping("/{id}/escalation")
    @Operation(summary = "上报 Escalate an open dispute to a higher level")
    ResponseEntity<CommandAck> escalate(@PathVariable String id, @RequestBody EscalationRequest body) {
        return commands.change(new EscalateDispute(id, body.toLevel(), body.reason(), commands.ifMatch()));
    }

    @PostMapping("/{id}/resolution")
    @Operation(summary = "调解成功 Resolve a dispute in mediation (the assigned mediator only)")
    ResponseEntity<CommandAck> resolve(@PathVariable String id, @RequestBody ResolutionRequest body) {
        return commands.change(new ResolveDispute(id, body.agreementSummary(), body.resolvedAt(), commands.ifMatch()));
    }

    @PostMapping("/{id}/referral")
    @Operation(summary = "移交 Refer an open dispute to a court, arbitration, the police or the petition office")
    ResponseEntity<CommandAck> refer(@PathVariable String id, @RequestBody ReferralRequest body) {
        return commands.change(new ReferDispute(id, body.to(), body.reason(), commands.ifMatch()));
    }

    @PostMapping("/{id}/withdrawal")
    @Operation(summary = "撤回 Withdraw an open dispute")
    ResponseEntity<CommandAck> withdraw(@PathVariable String id, @RequestBody ReasonRequest body) {
        return commands.change(new WithdrawDispute(id, body.reason(), commands.ifMatch()));
    }

    @PostMapping("/{id}/reopening")
    @Operation(summary = "重新启动 Reopen a resolved dispute, e.g. when the agreement was not honoured")
    ResponseEntity<CommandAck> reopen(@PathVariable String id, @RequestBody ReasonRequest body) {
        return commands.change(new ReopenDispute(id, body.reason(), commands.ifMatch()));
    }

    @PostMapping("/{id}/follow-ups")
    @Operation(summary = "回访 Record a follow-up visit on a resolved dispute; it does not reopen it")
    ResponseEntity<CommandAck> followUp(@PathVariable String id, @RequestBody FollowUpRequest body) {
        return commands.change(new RecordFollowUp(id, body.note(), body.agreementHonoured(), body.occurredAt(),
                                                  commands.ifMatch()));
    }
}
