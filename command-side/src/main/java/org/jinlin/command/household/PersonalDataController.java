package org.jinlin.command.household;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jinlin.command.handling.CommandAck;
import org.jinlin.command.web.CommandSender;
import org.jinlin.kernel.household.HouseholdCommands.EraseHouseholdPersonalData;
import org.jinlin.kernel.household.HouseholdCommands.LiftLegalHold;
import org.jinlin.kernel.household.HouseholdCommands.PlaceLegalHold;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "个人信息 Personal data", description = "ADMIN: 删除个人信息与法律保全 Erasure and legal holds")
class PersonalDataController {

    private final CommandSender commands;

    PersonalDataController(CommandSender commands) {
        this.commands = commands;
    }

    record Reason(String reason) {
    }

    @PostMapping("/api/admin/erasure/households/{id}")
    @Operation(summary = "删除住户个人信息 Crypto-shred a household's personal data: names and id numbers read as erased everywhere, counts stay")
    ResponseEntity<CommandAck> erase(@PathVariable String id, @RequestBody(required = false) Reason body) {
        return commands.change(new EraseHouseholdPersonalData(id, body == null ? null : body.reason()));
    }

    @PostMapping("/api/admin/legal-holds/households/{id}")
    @Operation(summary = "法律保全 Place a legal hold: the household's personal data cannot be erased until it is lifted")
    ResponseEntity<CommandAck> hold(@PathVariable String id, @RequestBody(required = false) Reason body) {
        return commands.change(new PlaceLegalHold(id, body == null ? null : body.reason()));
    }

    @DeleteMapping("/api/admin/legal-holds/households/{id}")
    @Operation(summary = "解除法律保全 Lift the legal hold")
    ResponseEntity<CommandAck> lift(@PathVariable String id, @RequestBody(required = false) Reason body) {
        return commands.change(new LiftLegalHold(id, body == null ? "lifted" : body.reason()));
    }
}
