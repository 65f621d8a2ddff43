package org.jinlin.query.readmodel;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/admin/dead-letters")
@Tag(name = "投影管理 Projections")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "死信 Events a projection failed on, per projection and sequence, with the cause")
    List<DeadLetters.Sequence> all() {
        return deadLetters.all();
    }

    @PostMapping("/{processingGroup}/retry")
    @Operation(summary = "重试死信 Retry every parked sequence of one projection")
    DeadLetters.Retry retry(@PathVariable String processingGroup) {
        return deadLetters.retry(processingGroup);
    }

    @PostMapping("/{processingGroup}/{aggregateId}/eviction")
    @Operation(summary = "丢弃死信 Evict one aggregate's parked sequence from a projection for good")
    Map<String, Integer> evict(@PathVariable String processingGroup, @PathVariable String aggregateId) {
        return Map.of("evicted", deadLetters.evict(processingGroup, aggregateId));
    }
}
