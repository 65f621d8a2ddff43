package org.jinlin.query.caseview;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jinlin.kernel.AsOf;
import org.jinlin.kernel.NotFound;
import org.jinlin.kernel.caseview.CaseViewQueries.DisputeCase;
import org.jinlin.kernel.caseview.CaseViewQueries.DisputePage;
import org.jinlin.kernel.caseview.CaseViewQueries.FindDisputeCase;
import org.jinlin.kernel.caseview.CaseViewQueries.ListDisputes;
import org.jinlin.kernel.dispute.Status;
import org.jinlin.query.web.Paging;
import org.jinlin.query.web.Queries;
import org.jinlin.query.web.ReadConsistency;
import org.jinlin.query.web.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

@RestController
@Tag(name = "调解卷宗 Dispute cases", description = "案件详情与调解员待办 A case as it stands, and mediators' work queues")
class CaseViewController {

    private final Queries queries;
    private final ReadConsistency consistency;
    private final Viewer viewer;

    CaseViewController(Queries queries, ReadConsistency consistency, Viewer viewer) {
        this.queries = queries;
        this.consistency = consistency;
        this.viewer = viewer;
    }

    @GetMapping("/api/disputes/{id}")
    @Operation(summary = "案件详情 A dispute's state, parties, steps in order, escalations, follow-ups and outcome")
    ResponseEntity<DisputeCase> dispute(@PathVariable String id, @RequestParam(required = false) String asOf,
                                        @RequestParam(required = false) String consistentWith) {
        Instant at = AsOf.parse(asOf);
        consistency.require(consistentWith, CaseViewProjection.PROCESSING_GROUP);
        DisputeCase found = queries.optional(new FindDisputeCase(id, at, viewer.caseReader()), DisputeCase.class)
                                   .orElseThrow(() -> new NotFound("dispute " + id + " is not reported"
                                                                   + (at == null ? "" : " as of " + at)));
        return ResponseEntity.ok().eTag(Long.toString(found.version())).body(found);
    }

    @GetMapping("/api/disputes")
    @Operation(summary = "调解员待办 Open cases, oldest report first, overdue flagged; a mediator sees their own")
    DisputePage disputes(@RequestParam(required = false) String mediatorId,
                         @Parameter(description = "only cases in this status; the open ones when absent")
                         @RequestParam(required = false) Status status,
                         @Parameter(description = "true: only overdue cases; false: only the others")
                         @RequestParam(required = false) Boolean overdue,
                         @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size,
                         @RequestParam(required = false) String asOf,
                         @RequestParam(required = false) String consistentWith) {
        Paging.check(page, size);
        Instant at = AsOf.parse(asOf);
        consistency.require(consistentWith, CaseViewProjection.PROCESSING_GROUP);
        return queries.one(new ListDisputes(blankToNull(mediatorId), status, overdue, page, size, at,
                                            viewer.caseReader()), DisputePage.class);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
