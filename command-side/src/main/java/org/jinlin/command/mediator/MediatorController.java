package org.jinlin.command.mediator;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jinlin.command.handling.CommandAck;
import org.jinlin.command.web.CommandSender;
import org.jinlin.kernel.mediator.MediatorCommands.AppointMediator;
import org.jinlin.kernel.mediator.MediatorCommands.ChangeEmployment;
import org.jinlin.kernel.mediator.MediatorCommands.RegisterMediator;
import org.jinlin.kernel.mediator.MediatorCommands.RelieveMediator;
import org.jinlin.kernel.mediator.MediatorEmployment;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/mediators")
@Tag(name = "调解员 Mediators", description = "登记调解员、配备与解除 Register mediators, appoint and relieve them")
class MediatorController {

    private final CommandSender commands;

    MediatorController(CommandSender commands) {
        this.commands = commands;
    }

    record RegisterMediatorRequest(String mediatorId, String name, MediatorEmployment employment) {
    }

    record AppointmentRequest(String communityCode) {
    }

    record ReliefRequest(String communityCode, String reason) {
    }

    record EmploymentRequest(MediatorEmployment employment) {
    }

    @PostMapping
    @Operation(summary = "登记调解员 Register a mediator, full-time (专职) or part-time (兼职)")
    ResponseEntity<CommandAck> register(@RequestBody RegisterMediatorRequest body) {
        return commands.create(new RegisterMediator(body.mediatorId(), body.name(), body.employment()),
                               "/api/mediators/{id}");
    }

    @PostMapping("/{id}/appointments")
    @Operation(summary = "配备到社区 Appoint the mediator to a community")
    ResponseEntity<CommandAck> appoint(@PathVariable String id, @RequestBody AppointmentRequest body) {
        return commands.change(new AppointMediator(id, body.communityCode(), commands.ifMatch()));
    }

    @PostMapping("/{id}/reliefs")
    @Operation(summary = "解除配备 Relieve the mediator of a community appointment")
    ResponseEntity<CommandAck> relieve(@PathVariable String id, @RequestBody ReliefRequest body) {
        return commands.change(new RelieveMediator(id, body.communityCode(), body.reason(), commands.ifMatch()));
    }

    @PutMapping("/{id}/employment")
    @Operation(summary = "变更专职/兼职 Change between full-time and part-time")
    ResponseEntity<CommandAck> changeEmployment(@PathVariable String id, @RequestBody EmploymentRequest body) {
        return commands.change(new ChangeEmployment(id, body.employment(), commands.ifMatch()));
    }
}
