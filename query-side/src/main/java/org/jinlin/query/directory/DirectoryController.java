package org.jinlin.query.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jinlin.kernel.NotFound;
import org.jinlin.kernel.directory.DirectoryQueries.CommunityDetails;
import org.jinlin.kernel.directory.DirectoryQueries.CommunityPage;
import org.jinlin.kernel.directory.DirectoryQueries.FindCommunity;
import org.jinlin.kernel.directory.DirectoryQueries.FindMediator;
import org.jinlin.kernel.directory.DirectoryQueries.ListCommunities;
import org.jinlin.kernel.directory.DirectoryQueries.ListMediators;
import org.jinlin.kernel.directory.DirectoryQueries.MediatorDetails;
import org.jinlin.kernel.directory.DirectoryQueries.MediatorPage;
import org.jinlin.kernel.AsOf;
import org.jinlin.query.web.Paging;
import org.jinlin.query.web.Queries;
import org.jinlin.query.web.ReadConsistency;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

@RestController
@Tag(name = "名录 Directory", description = "社区与调解员 Communities and mediators as registered")
class DirectoryController {

    private final Queries queries;
    private final ReadConsistency consistency;

    DirectoryController(Queries queries, ReadConsistency consistency) {
        this.queries = queries;
        this.consistency = consistency;
    }

    @GetMapping("/api/communities/{code}")
    @Operation(summary = "社区详情 A community's facts, compounds and appointed mediators")
    ResponseEntity<CommunityDetails> community(@PathVariable String code,
                                               @RequestParam(required = false) String asOf,
                                               @RequestParam(required = false) String consistentWith) {
        consistency.require(consistentWith, DirectoryProjection.PROCESSING_GROUP);
        Instant at = AsOf.parse(asOf);
        CommunityDetails details = queries.optional(new FindCommunity(code, at), CommunityDetails.class)
                                          .orElseThrow(() -> new NotFound("community " + code + " is not registered"
                                                                          + (at == null ? "" : " as of " + at)));
        return ResponseEntity.ok().eTag(Long.toString(details.version())).body(details);
    }

    @GetMapping("/api/communities")
    @Operation(summary = "社区列表 Communities of a city or county, in code order")
    CommunityPage communities(@RequestParam(required = false) String cityCode,
                              @RequestParam(required = false) String countyCode,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size,
                              @RequestParam(required = false) String asOf,
                              @RequestParam(required = false) String consistentWith) {
        Paging.check(page, size);
        consistency.require(consistentWith, DirectoryProjection.PROCESSING_GROUP);
        return queries.one(new ListCommunities(cityCode, countyCode, page, size, AsOf.parse(asOf)),
                           CommunityPage.class);
    }

    @GetMapping("/api/mediators/{id}")
    @Operation(summary = "调解员详情 A mediator's facts and active appointments")
    ResponseEntity<MediatorDetails> mediator(@PathVariable String id,
                                             @RequestParam(required = false) String asOf,
                                             @RequestParam(required = false) String consistentWith) {
        consistency.require(consistentWith, DirectoryProjection.PROCESSING_GROUP);
        Instant at = AsOf.parse(asOf);
        MediatorDetails details = queries.optional(new FindMediator(id, at), MediatorDetails.class)
                                         .orElseThrow(() -> new NotFound("mediator " + id + " is not registered"
                                                                         + (at == null ? "" : " as of " + at)));
        return ResponseEntity.ok().eTag(Long.toString(details.version())).body(details);
    }

    @GetMapping("/api/mediators")
    @Operation(summary = "调解员列表 Mediators, optionally those serving one community")
    MediatorPage mediators(@RequestParam(required = false) String communityCode,
                           @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size,
                           @RequestParam(required = false) String asOf,
                           @RequestParam(required = false) String consistentWith) {
        Paging.check(page, size);
        consistency.require(consistentWith, DirectoryProjection.PROCESSING_GROUP);
        return queries.one(new ListMediators(communityCode, page, size, AsOf.parse(asOf)), MediatorPage.class);
    }
}
