package org.jinlin.app.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jinlin.app.audit.AccessLogReader;
import org.jinlin.command.audit.AggregateHistory;
import org.jinlin.command.audit.AggregateHistory.AggregateState;
import org.jinlin.kernel.NotFound;
import org.jinlin.query.audit.ChainVerifier;
import org.jinlin.query.audit.EventStreamReader;
import org.jinlin.query.audit.EventStreamReader.StoredEvent;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * 审计: a record's events as a story with actors and hashes, its state as of a chosen instant (rebuilt by the
 * command side's own classes), the hash-chain verification, and the access log. The same readers as
 * {@code /api/audit/**}.
 */
@Controller
class AuditPagesController {

    /** The timeline shows up to this many events of one record; the API pages through longer streams. */
    static final int MAX_EVENTS = 500;

    private final EventStreamReader events;
    private final AggregateHistory history;
    private final AccessLogReader accessLog;
    private final DataSource dataSource;
    private final ObjectMapper json;

    AuditPagesController(EventStreamReader events, AggregateHistory history, AccessLogReader accessLog,
                         DataSource dataSource, ObjectMapper json) {
        this.events = events;
        this.history = history;
        this.accessLog = accessLog;
        this.dataSource = dataSource;
        this.json = json;
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String stream) {
        String id = Forms.blankToNull(stream);
        return id == null ? "audit/index"
                : "redirect:/audit/streams/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
    }

    @GetMapping("/audit/streams/{id}")
    String stream(@PathVariable String id, @RequestParam(required = false) String asOf, Model model)
            throws JsonProcessingException {
        long total = events.count(id);
        if (total == 0) {
            throw new NotFound("no events are stored for " + id);
        }
        List<StoredEvent> stored = events.page(id, 0, MAX_EVENTS);
        Instant at = Forms.instant("asOf", asOf);
        AggregateState state = history.stateAt(id, at);
        model.addAttribute("streamId", id);
        model.addAttribute("events", stored);
        model.addAttribute("total", total);
        model.addAttribute("asOf", asOf == null ? "" : asOf);
        model.addAttribute("state", state);
        model.addAttribute("stateJson", json.writerWithDefaultPrettyPrinter().writeValueAsString(state.state()));
        return "audit/stream";
    }

    /** The chain check; htmx asks for the result alone, a plain form for the whole page. */
    @GetMapping("/audit/verify")
    String verify(@RequestParam(required = false) String aggregateId,
                  @RequestHeader(value = "HX-Request", required = false) String htmx, Model model)
            throws SQLException {
        String id = Forms.blankToNull(aggregateId);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            model.addAttribute("report", new ChainVerifier().verify(connection, id));
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        model.addAttribute("aggregateId", id);
        return htmx != null ? "audit/verify :: result" : "audit/verify";
    }

    @GetMapping("/audit/access-log")
    String accessLog(@RequestParam(required = false) String user, @RequestParam(required = false) String from,
                     @RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page,
                     Model model) {
        model.addAttribute("log", accessLog.read(user, from, to, Math.max(page, 0), 50));
        model.addAttribute("user", user);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "audit/access-log";
    }
}
