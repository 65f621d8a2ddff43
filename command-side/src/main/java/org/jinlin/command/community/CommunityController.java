package org.jinlin.command.community;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jinlin.command.handling.CommandAck;
import org.jinlin.command.web.CommandSender;
import org.jinlin.kernel.community.CommunityCommands.AddCompound;
import org.jinlin.kernel.community.CommunityCommands.ClearDisputeProminent;
import org.jinlin.kernel.community.CommunityCommands.FlagDisputeProminent;
import org.jinlin.kernel.community.CommunityCommands.RegisterCommunity;
import org.jinlin.kernel.community.CommunityCommands.UpdateResidentPopulation;
import org.jinlin.kernel.community.CommunityKind;
import org.jinlin.kernel.InvalidInput;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/communities")
@Tag(name = "社区 Communities", description = "登记社区/村、小区与常住人口 Register communities, compounds and population")
class CommunityController {

    private final CommandSender commands;

    CommunityController(CommandSender commands) {
        this.commands = commands;
    }

    record RegisterCommunityRequest(String code, String name, CommunityKind kind, String townshipName,
                                    Integer residentPopulation) {
    }

    record CompoundRequest(String compoundId, String name) {
    }

    record PopulationRequest(Integer residentPopulation) {
    }

    record ProminenceRequest(Boolean prominent, String reason) {
    }

    @PostMapping
    @Operation(summary = "登记社区 Register a community under its 12-digit division code")
    ResponseEntity<CommandAck> register(@RequestBody RegisterCommunityRequest body) {
        return commands.create(new RegisterCommunity(body.code(), body.name(), body.kind(), body.townshipName(),
                                                     body.residentPopulation()),
                               "/api/communities/{id}");
    }

    @PostMapping("/{code}/compounds")
    @Operation(summary = "添加小区 Add a residential compound (小区 / 村民小组)")
    ResponseEntity<CommandAck> addCompound(@PathVariable String code, @RequestBody CompoundRequest body) {
        return commands.change(new AddCompound(code, body.compoundId(), body.name(), commands.ifMatch()));
    }

    @PutMapping("/{code}/population")
    @Operation(summary = "更新常住人口 Update the resident population")
    ResponseEntity<CommandAck> updatePopulation(@PathVariable String code, @RequestBody PopulationRequest body) {
        return commands.change(new UpdateResidentPopulation(code, body.residentPopulation(), commands.ifMatch()));
    }

    @PostMapping("/{code}/dispute-prominence")
    @Operation(summary = "标记/取消矛盾纠纷突出 Flag or clear the community as dispute-prominent")
    ResponseEntity<CommandAck> disputeProminence(@PathVariable String code, @RequestBody ProminenceRequest body) {
        if (body.prominent() == null) {
            throw new InvalidInput("prominent", "is required (true to flag, false to clear)");
        }
        Object command = body.prominent()
                ? new FlagDisputeProminent(code, body.reason(), commands.ifMatch())
                : new ClearDisputeProminent(code, body.reason(), commands.ifMatch());
        return commands.change(command);
    }
}
