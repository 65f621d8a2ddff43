package org.jinlin.command.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jinlin.kernel.AsOf;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "审计 Audit")
class AggregateStateController {

    private final AggregateHistory history;

    AggregateStateController(AggregateHistory history) {
        this.history = history;
    }

    @GetMapping("/api/audit/streams/{aggregateId}/state")
    @Operation(summary = "某时刻的状态 The aggregate's state rebuilt from its own events up to an instant (now if absent)")
    AggregateHistory.AggregateState state(@PathVariable String aggregateId,
                                          @RequestParam(required = false) String asOf) {
        return history.stateAt(aggregateId, AsOf.parse(asOf));
    }
}
