package org.jinlin.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jinlin.kernel.NotFound;
import org.jinlin.query.web.Paging;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;
import java.sql.Connection;
import java.security.Principal;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

@RestController
@RequestMapping("/api/audit")
@Tag(name = "审计 Audit", description = "事件历史、哈希链校验 Event history and tamper evidence")
class AuditController {

    static final int MAX_EVENTS_PER_PAGE = 500;

    private final EventStreamReader reader;
    private final DataSource dataSource;
    private final TimelinePdf timelines;
    private final Clock clock;

    AuditController(EventStreamReader reader, DataSource dataSource, TimelinePdf timelines, Clock clock) {
        this.reader = reader;
        this.dataSource = dataSource;
        this.timelines = timelines;
        this.clock = clock;
    }

    @GetMapping("/streams/{aggregateId}/events")
    @Operation(summary = "事件流 Every event of one aggregate in order, with actor, role, hashes; paged (X-Total-Count, Link)")
    ResponseEntity<List<EventStreamReader.StoredEvent>> events(@PathVariable String aggregateId,
                                                               @RequestParam(defaultValue = "0") int page,
                                                               @RequestParam(defaultValue = "" + MAX_EVENTS_PER_PAGE) int size) {
        Paging.check(page, size);
        long total = reader.count(aggregateId);
        if (total == 0) {
            throw new NotFound("no events are stored for " + aggregateId);
        }
        List<EventStreamReader.StoredEvent> events = reader.page(aggregateId, page, size);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header("X-Total-Count", Long.toString(total));
        if ((long) (page + 1) * size < total) {
            answer.header(HttpHeaders.LINK, "</api/audit/streams/" + aggregateId + "/events?page=" + (page + 1)
                                            + "&size=" + size + ">; rel=\"next\"");
        }
        return answer.body(events);
    }

    @GetMapping(value = {"/streams/{aggregateId}/timeline.pdf", "/disputes/{aggregateId}/timeline.pdf",
                         "/households/{aggregateId}/timeline.pdf"}, produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "打印时间线 A printable timeline of one case or household: every event, actor and verified hash")
    ResponseEntity<byte[]> timeline(@PathVariable String aggregateId, Principal who) throws SQLException {
        long total = reader.count(aggregateId);
        if (total == 0) {
            throw new NotFound("no events are stored for " + aggregateId);
        }
        List<EventStreamReader.StoredEvent> events = reader.page(aggregateId, 0, (int) Math.min(total, 10_000));
        ChainVerifier.Report verification = verify(aggregateId);
        String title = switch (events.get(0).aggregateType()) {
            case "Dispute" -> "矛盾纠纷调处卷宗 Dispute case timeline";
            case "Household" -> "住户档案时间线 Household timeline";
            default -> "事件时间线 Record timeline (" + events.get(0).aggregateType() + ")";
        };
        byte[] pdf = timelines.render(title, aggregateId, events, verification, clock.instant(), who.getName());
        return ResponseEntity.ok()
                             .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"timeline-" + aggregateId + ".pdf\"")
                             .contentType(MediaType.APPLICATION_PDF)
                             .body(pdf);
    }

    @GetMapping("/verify")
    @Operation(summary = "校验哈希链 Recompute every stream's hash chain; names the first altered or missing event")
    ChainVerifier.Report verify(@RequestParam(required = false) String aggregateId) throws SQLException {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return new ChainVerifier().verify(connection, aggregateId);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
