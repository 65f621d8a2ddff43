package org.jinlin.command.household;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jinlin.command.handling.CommandAck;
import org.jinlin.command.web.CommandSender;
import org.jinlin.kernel.household.AssistanceKind;
import org.jinlin.kernel.household.CarePartnerKind;
import org.jinlin.kernel.household.HouseholdCommands.AddMember;
import org.jinlin.kernel.household.HouseholdCommands.AssignCarePartner;
import org.jinlin.kernel.household.HouseholdCommands.DeregisterHousehold;
import org.jinlin.kernel.household.HouseholdCommands.MoveHousehold;
import org.jinlin.kernel.household.HouseholdCommands.RecordAssistance;
import org.jinlin.kernel.household.HouseholdCommands.RegisterHousehold;
import org.jinlin.kernel.household.HouseholdCommands.RemoveMember;
import org.jinlin.kernel.household.HouseholdCommands.ReportIncome;
import org.jinlin.kernel.household.HouseholdCommands.UpdateMember;
import org.jinlin.kernel.household.MemberFacts;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/households")
@Tag(name = "住户 Households", description = "登记住户与家庭成员、收入、帮扶 Households, members, income and assistance")
class HouseholdController {

    private final CommandSender commands;

    HouseholdController(CommandSender commands) {
        this.commands = commands;
    }

    record RegisterHouseholdRequest(String householdId, String communityCode, String compoundId,
                                    BigDecimal monthlyIncome, Boolean migrant, List<MemberFacts> members) {
    }

    record IncomeRequest(BigDecimal monthlyIncome, LocalDate asOf) {
    }

    record MoveRequest(String communityCode, String compoundId) {
    }

    record CarePartnerRequest(String partnerName, CarePartnerKind partnerKind) {
    }

    record AssistanceRequest(AssistanceKind kind, String note, LocalDate on) {
    }

    record DeregistrationRequest(String reason) {
    }

    @PostMapping
    @Operation(summary = "登记住户 Register a household with its members (birth date and sex are read from the id-card numbers)")
    ResponseEntity<CommandAck> register(@RequestBody RegisterHouseholdRequest body) {
        return commands.create(new RegisterHousehold(body.householdId(), body.communityCode(), body.compoundId(),
                                                     body.monthlyIncome(), body.migrant(), body.members()),
                               "/api/households/{id}");
    }

    @PostMapping("/{id}/members")
    @Operation(summary = "添加家庭成员 Add a member")
    ResponseEntity<CommandAck> addMember(@PathVariable String id, @RequestBody MemberFacts member) {
        return commands.change(new AddMember(id, member, commands.ifMatch()));
    }

    @PutMapping("/{id}/members/{idNumber}")
    @Operation(summary = "更新家庭成员 Update a member's facts")
    ResponseEntity<CommandAck> updateMember(@PathVariable String id, @PathVariable String idNumber,
                                            @RequestBody MemberFacts member) {
        return commands.change(new UpdateMember(id, idNumber, member, commands.ifMatch()));
    }

    @DeleteMapping("/{id}/members/{idNumber}")
    @Operation(summary = "移除家庭成员 Remove a member")
    ResponseEntity<CommandAck> removeMember(@PathVariable String id, @PathVariable String idNumber) {
        return commands.change(new RemoveMember(id, idNumber, commands.ifMatch()));
    }

    @PostMapping("/{id}/income")
    @Operation(summary = "申报家庭月收入 Report the household's monthly income")
    ResponseEntity<CommandAck> reportIncome(@PathVariable String id, @RequestBody IncomeRequest body) {
        return commands.change(new ReportIncome(id, body.monthlyIncome(), body.asOf(), commands.ifMatch()));
    }

    @PostMapping("/{id}/move")
    @Operation(summary = "迁移 Move the household to another community or compound")
    ResponseEntity<CommandAck> move(@PathVariable String id, @RequestBody MoveRequest body) {
        return commands.change(new MoveHousehold(id, body.communityCode(), body.compoundId(), commands.ifMatch()));
    }

    @PostMapping("/{id}/care-partners")
    @Operation(summary = "结对帮扶 Pair a party member, volunteer or social worker with the household")
    ResponseEntity<CommandAck> carePartner(@PathVariable String id, @RequestBody CarePartnerRequest body) {
        return commands.change(new AssignCarePartner(id, body.partnerName(), body.partnerKind(), commands.ifMatch()));
    }

    @PostMapping("/{id}/assistance")
    @Operation(summary = "记录帮扶 Record assistance given")
    ResponseEntity<CommandAck> assistance(@PathVariable String id, @RequestBody AssistanceRequest body) {
        return commands.change(new RecordAssistance(id, body.kind(), body.note(), body.on(), commands.ifMatch()));
    }

    @PostMapping("/{id}/deregistration")
    @Operation(summary = "注销住户 Deregister the household")
    ResponseEntity<CommandAck> deregister(@PathVariable String id, @RequestBody DeregistrationRequest body) {
        return commands.change(new DeregisterHousehold(id, body.reason(), commands.ifMatch()));
    }
}
