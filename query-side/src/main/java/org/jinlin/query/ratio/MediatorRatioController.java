package org.jinlin.query.ratio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jinlin.kernel.ratio.MediatorRatioQueries.FindMediatorGaps;
import org.jinlin.kernel.ratio.MediatorRatioQueries.FindMediatorRatios;
import org.jinlin.kernel.ratio.MediatorRatioQueries.MediatorGap;
import org.jinlin.kernel.ratio.MediatorRatioQueries.MediatorRatio;
import org.jinlin.kernel.AsOf;
import org.jinlin.query.web.Queries;
import org.jinlin.query.web.ReadConsistency;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/stats/mediator-ratios")
@Tag(name = "专职调解员配备率 Mediator ratios", description = "以设区市为单位配备率不低于3% Full-time mediator coverage per city")
class MediatorRatioController {

    private final Queries queries;
    private final ReadConsistency consistency;

    MediatorRatioController(Queries queries, ReadConsistency consistency) {
        this.queries = queries;
        this.consistency = consistency;
    }

    @GetMapping
    @Operation(summary = "各设区市配备率 Share of communities with a full-time mediator, per city-level unit")
    List<MediatorRatio> ratios(@RequestParam(required = false) String asOf,
                               @RequestParam(required = false) String consistentWith) {
        consistency.require(consistentWith, MediatorRatioProjection.PROCESSING_GROUP);
        return queries.list(new FindMediatorRatios(AsOf.parse(asOf)), MediatorRatio.class);
    }

    @GetMapping("/{cityCode}/gaps")
    @Operation(summary = "缺专职调解员的重点社区 Priority communities without a full-time mediator")
    List<MediatorGap> gaps(@PathVariable String cityCode, @RequestParam(required = false) String asOf,
                           @RequestParam(required = false) String consistentWith) {
        consistency.require(consistentWith, MediatorRatioProjection.PROCESSING_GROUP);
        return queries.list(new FindMediatorGaps(cityCode, AsOf.parse(asOf)), MediatorGap.class);
    }
}
