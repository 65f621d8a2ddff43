package org.jinlin.app.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jinlin.app.pages.Dashboard.CategoryCount;
import org.jinlin.app.pages.Dashboard.Filters;
import org.jinlin.app.pages.Dashboard.Month;
import org.jinlin.kernel.NotFound;
import org.jinlin.kernel.division.Divisions;
import org.jinlin.kernel.ratio.MediatorRatioQueries.MediatorRatio;
import org.jinlin.kernel.resolution.ResolutionQueries.ResolutionStats;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 统计分析: the mediator ratio per city against the 3 % target, the two "small matters / big matters" rates per
 * unit and per month, and roster counts per category; each chart with its table, a unit filter, an as-of date,
 * and a CSV download of each table as shown.
 */
@Controller
class DashboardController {

    private final Dashboard dashboard;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final Formats formats;

    DashboardController(Dashboard dashboard, MessageSource messages, ObjectMapper json, Formats formats) {
        this.formats = formats;
        this.dashboard = dashboard;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/dashboard")
    String dashboard(@RequestParam(required = false) String cityCode, @RequestParam(required = false) String asOf,
                     @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                     Model model) throws JsonProcessingException {
        Filters filters = dashboard.filters(cityCode, asOf, from, to);
        List<MediatorRatio> ratios = dashboard.ratios(filters);
        List<ResolutionStats> byUnit = dashboard.resolutionByUnit(filters);
        List<Month> byMonth = dashboard.resolutionByMonth(filters);
        boolean mayReadRoster = PageModel.may(HttpMethod.GET, "/api/rosters/**");
        List<CategoryCount> roster = mayReadRoster ? dashboard.roster(filters) : List.of();

        model.addAttribute("filters", filters);
        model.addAttribute("query", filters.query());
        model.addAttribute("cities", Divisions.cities());
        model.addAttribute("ratios", ratios);
        model.addAttribute("target", ratios.isEmpty() ? null : ratios.get(0).target());
        model.addAttribute("byUnit", byUnit);
        model.addAttribute("byMonth", byMonth);
        model.addAttribute("mayReadRoster", mayReadRoster);
        model.addAttribute("roster", roster);
        model.addAttribute("unitLabel", filters.cityCode() == null ? "unit.city" : "unit.county");
        model.addAttribute("ratioChart", json.writeValueAsString(ratioChart(ratios)));
        model.addAttribute("unitChart", json.writeValueAsString(unitChart(byUnit)));
        model.addAttribute("monthChart", json.writeValueAsString(monthChart(byMonth)));
        model.addAttribute("rosterChart", json.writeValueAsString(rosterChart(roster)));
        return "dashboard";
    }

    /** Each table of the dashboard as CSV (UTF-8 with BOM, for Excel), with the page's filters. */
    @GetMapping("/dashboard/{table}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String table, @RequestParam(required = false) String cityCode,
                               @RequestParam(required = false) String asOf, @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to) {
        Filters filters = dashboard.filters(cityCode, asOf, from, to);
        Csv csv = switch (table) {
            case "ratios" -> ratiosCsv(dashboard.ratios(filters));
            case "resolution" -> unitsCsv(dashboard.resolutionByUnit(filters));
            case "monthly" -> monthsCsv(dashboard.resolutionByMonth(filters));
            case "roster" -> {
                if (!PageModel.may(HttpMethod.GET, "/api/rosters/**")) {
                    throw new org.jinlin.kernel.Forbidden("your role does not allow reading the low-income roster");
                }
                yield rosterCsv(dashboard.roster(filters));
            }
            default -> throw new NotFound("the dashboard has no table " + table);
        };
        String name = table + "-" + filters.asOfDate() + (filters.cityCode() == null ? "" : "-" + filters.cityCode())
                      + ".csv";
        return ResponseEntity.ok()
                             .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                             .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                             .body(csv.bytes());
    }

    // ---- charts: the data and the labels; /js/dashboard.js draws them with ECharts ----

    private Map<String, Object> ratioChart(List<MediatorRatio> ratios) {
        Map<String, Object> chart = chart("ratio");
        chart.put("units", ratios.stream().map(r -> cityName(r.cityCode(), r.cityName())).toList());
        chart.put("values", ratios.stream().map(MediatorRatio::ratio).toList());
        chart.put("below", ratios.stream().map(r -> !r.meetsTarget()).toList());
        chart.put("target", ratios.isEmpty() ? 0.03 : ratios.get(0).target().doubleValue());
        chart.put("seriesName", text("dashboard.ratio"));
        chart.put("targetName", text("dashboard.target"));
        return chart;
    }

    private Map<String, Object> unitChart(List<ResolutionStats> rows) {
        Map<String, Object> chart = chart("rates");
        chart.put("units", rows.stream().map(r -> cityName(r.unit(), r.unitName())).toList());
        chart.put("small", rows.stream().map(ResolutionStats::smallInCompoundRate).toList());
        chart.put("big", rows.stream().map(ResolutionStats::bigInCommunityRate).toList());
        chart.put("smallName", text("dashboard.smallRate"));
        chart.put("bigName", text("dashboard.bigRate"));
        return chart;
    }

    private Map<String, Object> monthChart(List<Month> months) {
        Map<String, Object> chart = chart("monthly");
        chart.put("units", months.stream().map(m -> m.month().toString()).toList());
        chart.put("small", months.stream().map(Month::smallInCompoundRate).toList());
        chart.put("big", months.stream().map(Month::bigInCommunityRate).toList());
        chart.put("smallName", text("dashboard.smallRate"));
        chart.put("bigName", text("dashboard.bigRate"));
        return chart;
    }

    private Map<String, Object> rosterChart(List<CategoryCount> roster) {
        Map<String, Object> chart = chart("roster");
        chart.put("units", roster.stream().map(c -> text("category." + c.category())).toList());
        // A count shown as "<5" is not drawn; its bar is left out.
        chart.put("values", roster.stream().map(c -> c.persons() instanceof Number n ? n : null).toList());
        chart.put("seriesName", text("dashboard.persons"));
        return chart;
    }

    private Map<String, Object> chart(String kind) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", kind);
        chart.put("locale", LocaleContextHolder.getLocale().toLanguageTag());
        return chart;
    }

    // ---- CSV: Chinese headers first, the field names in brackets, as the roster export does ----

    private Csv ratiosCsv(List<MediatorRatio> rows) {
        Csv csv = new Csv("设区市代码(cityCode)", "设区市(cityName)", "社区数(communities)",
                          "有专职调解员的社区数(withFullTimeMediator)", "配备率(ratio)", "目标(target)",
                          "达标(meetsTarget)");
        rows.forEach(r -> csv.row(r.cityCode(), r.cityName(), r.communities(), r.withFullTimeMediator(), r.ratio(),
                                  r.target(), r.meetsTarget()));
        return csv;
    }

    private Csv unitsCsv(List<ResolutionStats> rows) {
        Csv csv = new Csv("单位代码(unit)", "单位(unitName)", "小事办结(smallConcluded)",
                          "小事在小区化解(smallResolvedInCompound)", "小事不出小区率(smallInCompoundRate)",
                          "大事办结(bigConcluded)", "大事在社区化解(bigResolvedInCommunity)",
                          "大事不出社区率(bigInCommunityRate)", "调解成功(resolved)", "移交(referred)",
                          "撤回(withdrawn)", "上报(escalations)", "调结天数中位数(medianDaysToResolve)");
        rows.forEach(r -> csv.row(r.unit(), r.unitName(), r.smallConcluded(), r.smallResolvedInCompound(),
                                  r.smallInCompoundRate(), r.bigConcluded(), r.bigResolvedInCommunity(),
                                  r.bigInCommunityRate(), r.resolved(), r.referred(), r.withdrawn(), r.escalations(),
                                  r.medianDaysToResolve()));
        return csv;
    }

    private Csv monthsCsv(List<Month> rows) {
        Csv csv = new Csv("月份(month)", "小事办结(smallConcluded)", "小事在小区化解(smallResolvedInCompound)",
                          "小事不出小区率(smallInCompoundRate)", "大事办结(bigConcluded)",
                          "大事在社区化解(bigResolvedInCommunity)", "大事不出社区率(bigInCommunityRate)");
        rows.forEach(m -> csv.row(m.month(), m.smallConcluded(), m.smallResolvedInCompound(), m.smallInCompoundRate(),
                                  m.bigConcluded(), m.bigResolvedInCommunity(), m.bigInCommunityRate()));
        return csv;
    }

    private Csv rosterCsv(List<CategoryCount> rows) {
        Csv csv = new Csv("类别代码(category)", "类别(categoryName)", "人数(persons)", "户数(households)");
        rows.forEach(c -> csv.row(c.category(), messages.getMessage("category." + c.category(), null, Locale.CHINA),
                                  c.persons(), c.households()));
        return csv;
    }

    private String cityName(String code, String name) {
        return formats.unitName(code, name);
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    /** RFC 4180 lines; a text starting with = + - @ is defused so that Excel does not run it as a formula. */
    static final class Csv {

        private final StringBuilder text = new StringBuilder("\uFEFF");

        Csv(String... header) {
            row((Object[]) header);
        }

        Csv row(Object... values) {
            List<String> fields = new ArrayList<>();
            for (Object value : values) {
                fields.add(field(value));
            }
            text.append(String.join(",", fields)).append("\r\n");
            return this;
        }

        byte[] bytes() {
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }

        static String field(Object value) {
            if (value == null) {
                return "";
            }
            String raw = value.toString();
            String safe = !raw.isEmpty() && !(value instanceof Number) && "=+-@".indexOf(raw.charAt(0)) >= 0
                    ? "'" + raw : raw;
            boolean quote = safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r");
            return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
        }
    }
}
