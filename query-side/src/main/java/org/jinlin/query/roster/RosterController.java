package org.jinlin.query.roster;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jinlin.kernel.AsOf;
import org.jinlin.kernel.NotFound;
import org.jinlin.kernel.roster.RosterQueries.FindHousehold;
import org.jinlin.kernel.roster.RosterQueries.FindLowIncomeRoster;
import org.jinlin.kernel.roster.RosterQueries.FindRosterSummary;
import org.jinlin.kernel.roster.RosterQueries.HouseholdView;
import org.jinlin.kernel.roster.RosterQueries.MemberView;
import org.jinlin.kernel.roster.RosterQueries.RosterEntry;
import org.jinlin.kernel.roster.RosterQueries.RosterPage;
import org.jinlin.kernel.roster.RosterQueries.RosterSummary;
import org.jinlin.query.web.Paging;
import org.jinlin.query.web.Queries;
import org.jinlin.query.web.ReadConsistency;
import org.jinlin.query.web.SmallCountSuppression;
import org.jinlin.query.web.Viewer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

@RestController
@Tag(name = "低收入人口名册 Low-income roster", description = "名册、汇总与住户 The roster, its summary and households")
class RosterController {

    /** Chinese first, the field name in brackets: what Excel users and programs both can read. */
    static final String CSV_HEADER = "户编号(householdId),身份证号(idNumber),姓名(name),年龄(age),性别(sex),"
                                     + "社区代码(communityCode),区县代码(countyCode),设区市代码(cityCode),"
                                     + "家庭类别(householdCategories),个人类别(memberCategories)\r\n";

    private final Queries queries;
    private final ReadConsistency consistency;
    private final Viewer viewer;
    private final LowIncomeRosterProjection roster;
    private final SmallCountSuppression suppression;

    RosterController(Queries queries, ReadConsistency consistency, Viewer viewer, LowIncomeRosterProjection roster,
                     SmallCountSuppression suppression) {
        this.queries = queries;
        this.consistency = consistency;
        this.viewer = viewer;
        this.roster = roster;
        this.suppression = suppression;
    }

    @GetMapping("/api/rosters/low-income")
    @Operation(summary = "低收入人口名册 Everyone with a hardship category, with household and personal categories; paged")
    RosterPage roster(@RequestParam(required = false) String cityCode, @RequestParam(required = false) String countyCode,
                      @RequestParam(required = false) String communityCode,
                      @RequestParam(required = false) String category, @RequestParam(defaultValue = "0") int page,
                      @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size,
                      @RequestParam(required = false) String asOf,
                      @RequestParam(required = false) String consistentWith) {
        Paging.check(page, size);
        consistency.require(consistentWith, LowIncomeRosterProjection.PROCESSING_GROUP);
        RosterPage answer = queries.one(new FindLowIncomeRoster(blank(cityCode), blank(countyCode),
                                                                blank(communityCode), blank(category), page, size,
                                                                AsOf.parse(asOf)), RosterPage.class);
        return new RosterPage(answer.items().stream().map(this::shown).toList(), answer.page(), answer.size(),
                              answer.total());
    }

    @GetMapping(value = "/api/rosters/low-income.csv", produces = "text/csv")
    @Operation(summary = "名册导出 The roster as CSV (UTF-8 with BOM for Excel), with the same filters")
    ResponseEntity<StreamingResponseBody> csv(@RequestParam(required = false) String cityCode,
                                              @RequestParam(required = false) String countyCode,
                                              @RequestParam(required = false) String communityCode,
                                              @RequestParam(required = false) String category,
                                              @RequestParam(required = false) String asOf,
                                              @RequestParam(required = false) String consistentWith) {
        consistency.require(consistentWith, LowIncomeRosterProjection.PROCESSING_GROUP);
        Instant at = AsOf.parse(asOf);
        // Checks the filters (a 400 before anything is streamed).
        queries.one(new FindLowIncomeRoster(blank(cityCode), blank(countyCode), blank(communityCode), blank(category),
                                            0, 1, at), RosterPage.class);
        boolean full = viewer.seesPersonalData();
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write('\uFEFF');
            writer.write(CSV_HEADER);
            try {
                roster.forEachEntry(blank(cityCode), blank(countyCode), blank(communityCode), blank(category), at,
                                    entry -> line(writer, full ? entry : Viewer.masked(entry)));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.flush();
        };
        return ResponseEntity.ok()
                             .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                             .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"low-income-roster.csv\"")
                             .body(body);
    }

    @GetMapping("/api/rosters/low-income/summary")
    @Operation(summary = "名册汇总 Households and persons per category, per city, county or community; "
                         + "for analysts, counts below the threshold show as \"<5\"")
    List<?> summary(@RequestParam(required = false) String groupBy, @RequestParam(required = false) String asOf,
                    @RequestParam(required = false) String consistentWith) {
        consistency.require(consistentWith, LowIncomeRosterProjection.PROCESSING_GROUP);
        List<RosterSummary> summary = queries.list(new FindRosterSummary(groupBy, AsOf.parse(asOf)), RosterSummary.class);
        return viewer.seesPersonalData() ? summary : summary.stream().map(suppression::apply).toList();
    }

    @GetMapping("/api/households/{id}")
    @Operation(summary = "住户详情 A household's current facts, members and categories with the reasons")
    ResponseEntity<HouseholdView> household(@PathVariable String id, @RequestParam(required = false) String asOf,
                                            @RequestParam(required = false) String consistentWith) {
        consistency.require(consistentWith, LowIncomeRosterProjection.PROCESSING_GROUP);
        Instant at = AsOf.parse(asOf);
        HouseholdView view = queries.optional(new FindHousehold(id, at), HouseholdView.class)
                                    .orElseThrow(() -> new NotFound("household " + id + " is not registered"
                                                                    + (at == null ? "" : " as of " + at)));
        List<MemberView> members = view.members().stream()
                                       .map(m -> new MemberView(m.memberNo(), viewer.idNumber(m.idNumber()),
                                                                viewer.name(m.name()), m.birthDate(), m.sex(), m.age(),
                                                                m.relation(), m.memberCategories()))
                                       .toList();
        return ResponseEntity.ok().eTag(Long.toString(view.version()))
                             .body(new HouseholdView(view.householdId(), view.active(), view.communityCode(),
                                                     view.compoundId(), view.countyCode(), view.cityCode(),
                                                     view.monthlyIncome(), view.migrant(), view.householdCategories(),
                                                     members, view.reasons(), view.policyVersion(), view.assessedOn(),
                                                     view.carePartners(), view.assistanceRecords(), view.version()));
    }

    private RosterEntry shown(RosterEntry entry) {
        return viewer.seesPersonalData() ? entry : Viewer.masked(entry);
    }

    private static void line(Writer writer, RosterEntry e) {
        try {
            writer.write(String.join(",", field(e.householdId()), field(e.idNumber()), field(e.name()),
                                     Integer.toString(e.age()), field(e.sex()), field(e.communityCode()),
                                     field(e.countyCode()), field(e.cityCode()),
                                     field(String.join(";", e.householdCategories())),
                                     field(String.join(";", e.memberCategories()))));
            writer.write("\r\n");
        } catch (IOException ioe) {
            throw new UncheckedIOException(ioe);
        }
    }

    /** RFC 4180: quoted when it holds a comma, a quote or a line break; a leading = + - @ is defused for Excel. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
