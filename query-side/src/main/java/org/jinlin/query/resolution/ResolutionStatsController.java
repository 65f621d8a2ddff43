package org.jinlin.query.resolution;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jinlin.kernel.AsOf;
import org.jinlin.kernel.resolution.ResolutionQueries.FindResolutionStats;
import org.jinlin.kernel.resolution.ResolutionQueries.ResolutionStats;
import org.jinlin.query.web.Queries;
import org.jinlin.query.web.ReadConsistency;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = "矛盾纠纷调处统计 Resolution statistics", description = "小事不出小区、大事不出社区 Where disputes are settled")
class ResolutionStatsController {

    private final Queries queries;
    private final ReadConsistency consistency;

    ResolutionStatsController(Queries queries, ReadConsistency consistency) {
        this.queries = queries;
        this.consistency = consistency;
    }

    @GetMapping("/api/stats/resolution")
    @Operation(summary = "按小区、社区、县、市和办结月份统计 Disputes concluded per unit over the months from..to")
    List<ResolutionStats> resolution(
            @Parameter(description = "city, county, community or compound (a compound is communityCode/compoundId)")
            @RequestParam(required = false) String groupBy,
            @Parameter(description = "first month of conclusion, YYYY-MM") @RequestParam(required = false) String from,
            @Parameter(description = "last month of conclusion, YYYY-MM") @RequestParam(required = false) String to,
            @RequestParam(required = false) String cityCode,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String consistentWith) {
        // Parsed before waiting, so a malformed request is refused at once.
        FindResolutionStats query = FindResolutionStats.of(groupBy, from, to, cityCode, AsOf.parse(asOf));
        consistency.require(consistentWith, ResolutionStatsProjection.PROCESSING_GROUP);
        return queries.list(query, ResolutionStats.class);
    }
}
