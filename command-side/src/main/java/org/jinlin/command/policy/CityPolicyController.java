package org.jinlin.command.policy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jinlin.command.handling.CommandAck;
import org.jinlin.command.registry.CityPolicyRegistry;
import org.jinlin.command.web.CommandSender;
import org.jinlin.kernel.policy.CityPolicyCommands.SetCityPolicy;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;

@RestController
@RequestMapping("/api/city-policies")
@Tag(name = "城市低保政策 City policies", description = "低保标准、低收入倍数、残疾人补贴延伸 Dibao standard and related parameters")
class CityPolicyController {

    private final CommandSender commands;
    private final CityPolicyRegistry policies;

    CityPolicyController(CommandSender commands, CityPolicyRegistry policies) {
        this.commands = commands;
        this.policies = policies;
    }

    record CityPolicyRequest(BigDecimal dibaoStandard, LocalDate effectiveFrom, BigDecimal lowIncomeMultiplier,
                             Boolean disabilityAllowanceExtended) {
    }

    @PutMapping("/{cityCode}")
    @Operation(summary = "设置城市低保政策 Set the dibao standard from a date, the low-income multiplier and the allowance extension")
    ResponseEntity<CommandAck> set(@PathVariable String cityCode, @RequestBody CityPolicyRequest body) {
        SetCityPolicy command = new SetCityPolicy(cityCode, body.dibaoStandard(), body.effectiveFrom(),
                                                  body.lowIncomeMultiplier(), body.disabilityAllowanceExtended(),
                                                  commands.ifMatch());
        return policies.exists(cityCode) ? commands.change(command)
                : commands.create(command, "/api/city-policies/{id}");
    }
}
