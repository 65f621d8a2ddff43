package org.jinlin.bench;

import org.axonframework.commandhandling.gateway.CommandGateway;
import crudbaseline.CrudBaseline;
import crudbaseline.CrudService;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Command throughput and latency of the mixed workload (commands only) from 1, 4 and 16 threads: in-process through
 * the CommandGateway and over HTTP on loopback, with three baselines in the same run on the same database engine
 * and settings (embedded H2, or PostgreSQL with {@code --db postgres}; each system on its own fresh database):
 * (a) a Spring Data JPA CRUD application, (b) raw JDBC batched appends of event-shaped rows, (c) the service with
 * Axon's in-memory event store.
 */
final class ThroughputBenchmark {

    record Row(int repeat, String system, int threads, double perSecond, double eventsPerSecond, double p50,
               double p99, double max, long refusals, String loadAverage) {
    }

    private ThroughputBenchmark() {
    }

    static void run(Options options) throws Exception {
        int seconds = options.integer("seconds", 60);
        int warmup = options.integer("warmup", 10);
        int batch = options.integer("batch", 100);
        int repeats = options.integer("repeats", 3);
        int[] threadCounts = Arrays.stream(options.text("threads", "1,4,16").split(",")).mapToInt(Integer::parseInt)
                                   .toArray();
        List<String> systems = List.of(options.text("systems", "gateway,http,memory,crud,jdbc").split(","));
        Path out = Path.of(options.text("out", "bench/out"));
        Database db = Database.from(options);
        String loadBefore = Results.loadAverage();
        Instant started = Instant.now();
        List<Row> rows = new ArrayList<>();
        // Every repeat is a whole run of the systems, each on a fresh store, so that the ratios of one repeat
        // compare systems measured minutes apart and the medians are over independent runs.
        for (int repeat = 1; repeat <= repeats; repeat++) {
            System.out.printf("== repeat %d of %d%n", repeat, repeats);
            rows.addAll(runOnce(repeat, systems, threadCounts, warmup, seconds, batch, out, db));
        }
        // Before/after comparisons of H2 settings: {system, property, before, before label, after, after label}.
        String[][] comparisons = {
                {"checkpoint-ab", "jinlin.h2.checkpoint-processor-commits",
                 "true", "(d) gateway, processor commits checkpointed (before)",
                 "false", "(d) gateway, processor commits left to H2 (after)"},
                {"group-ab", "jinlin.h2.group-commit",
                 "false", "(e) gateway, one checkpoint per commit (before)",
                 "true", "(e) gateway, group commit (after)"}};
        for (String[] ab : comparisons) {
            if (!systems.contains(ab[0])) {
                continue;
            }
            if (db.postgres()) {
                System.out.println(ab[0] + " compares H2 checkpoints: skipped on PostgreSQL");
                continue;
            }
            rows.addAll(abRounds(options, out, threadCounts, warmup, seconds, ab[1], ab[2], ab[3], ab[4], ab[5]));
        }
        report(db, started, seconds, warmup, repeats, loadBefore, rows);
    }

    /** One run of every system asked for, from each thread count; the rows carry {@code repeat}. */
    private static List<Row> runOnce(int repeat, List<String> systems, int[] threadCounts, int warmup, int seconds,
                                     int batch, Path out, Database db) throws Exception {
        List<Row> rows = new ArrayList<>();
        List<JdbcAppendBaseline.Sample> samples = new ArrayList<>();
        // Each repeat on stores of its own: an H2 database that some connection still held open after its service
        // closed would otherwise be found again, with the previous repeat's aggregates, under the same file name.
        String r = "_r" + repeat;
        Path esDir = fresh(out.resolve("throughput-" + db.name() + r));
        Map<String, Object> serviceProperties = new HashMap<>(db.serviceProperties("throughput" + r, true));
        serviceProperties.put("jinlin.security.bcrypt-strength", "4");
        try (EmbeddedService service = EmbeddedService.start(esDir, serviceProperties)) {
            GatewayDriver gateway = new GatewayDriver(service.bean(CommandGateway.class));
            gateway.send(MixedWorkload.cityPolicy());
            if (systems.contains("gateway")) {
                for (int threads : threadCounts) {
                    String run = "G" + threads;
                    rows.add(measure(repeat, "event-sourced, in-process gateway", threads, warmup, seconds, 1,
                                     w -> new MixedWorkload(w, run, false, 42), gateway));
                }
            }
            if (systems.contains("http")) {
                int port = ((WebServerApplicationContext) service.context).getWebServer().getPort();
                HttpDriver http = new HttpDriver(port, LoadBenchmark.PASSWORD);
                for (int threads : threadCounts) {
                    String run = "H" + threads;
                    LoadBenchmark.createUsers(service, run, threads);
                    rows.add(measure(repeat, "event-sourced, HTTP loopback", threads, warmup, seconds, 1,
                                     w -> new MixedWorkload(w, run, false, 42), http));
                }
            }
            service.bean(JdbcTemplate.class).query(
                    "select payload, meta_data, payload_type from domain_event_entry order by global_index limit 5000",
                    rs -> {
                        samples.add(new JdbcAppendBaseline.Sample(rs.getBytes(1), rs.getBytes(2), rs.getString(3)));
                    });
        }
        if (systems.contains("memory")) {
            Path memoryDir = fresh(out.resolve("throughput-memory-" + db.name() + r));
            Map<String, Object> memoryProperties = new HashMap<>(db.serviceProperties("throughput_memory" + r, true));
            memoryProperties.put("spring.main.allow-bean-definition-overriding", "true");
            try (EmbeddedService service = EmbeddedService.start(memoryDir, memoryProperties,
                                                                 InMemoryEventStore.class)) {
                GatewayDriver gateway = new GatewayDriver(service.bean(CommandGateway.class));
                gateway.send(MixedWorkload.cityPolicy());
                for (int threads : threadCounts) {
                    String run = "M" + threads;
                    rows.add(measure(repeat, "(c) Axon, in-memory event store, gateway", threads, warmup, seconds, 1,
                                     w -> new MixedWorkload(w, run, false, 42), gateway));
                }
            }
        }
        if (systems.contains("crud")) {
            Path crudDir = fresh(out.resolve("throughput-crud-" + db.name() + r));
            try (CrudBaseline crud = new CrudBaseline(db.baselineUrl("throughput_crud" + r, crudDir), db.user(),
                                                      db.password())) {
                CrudService service = crud.service();
                Driver driver = op -> {
                    try {
                        return new Driver.Answer(200, op.aggregateId(), service.handle(op.command()), null);
                    } catch (RuntimeException e) {
                        return new Driver.Answer(0, null, -1, op.kind() + " → " + e);
                    }
                };
                driver.send(MixedWorkload.cityPolicy());
                for (int threads : threadCounts) {
                    String run = "C" + threads;
                    rows.add(measure(repeat, "(a) Spring Data JPA CRUD", threads, warmup, seconds, 1,
                                     w -> new MixedWorkload(w, run, false, 42), driver));
                }
            }
        }
        if (systems.contains("jdbc") && !samples.isEmpty()) {
            Path jdbcDir = fresh(out.resolve("throughput-jdbc-" + db.name() + r));
            try (JdbcAppendBaseline jdbc = new JdbcAppendBaseline(
                    db.baselineUrl("throughput_raw" + r, jdbcDir), db.user(), db.password(), samples, batch)) {
                for (int threads : threadCounts) {
                    String run = "J" + threads;
                    rows.add(measure(repeat, "(b) raw JDBC batched appends (" + batch + "/tx)", threads, warmup,
                                     seconds, batch, w -> jdbc.workload(w, run), jdbc.driver()));
                }
            }
            // Its H2 file holds nothing to inspect and grows to about 8 GB per repeat (durable 100-row commits of
            // event-sized rows, each checkpointed): three repeats filled a 23 GB disk before the third was done.
            EmbeddedService.wipe(jdbcDir);
        }
        return rows;
    }

    private static Path fresh(Path dir) throws Exception {
        EmbeddedService.wipe(dir);
        Files.createDirectories(dir);
        return dir;
    }

    /**
     * One setting before and after a change: a fresh service per side, started alternately in rounds of opposite
     * order, so neither side always runs on a colder JVM or in the same part of the run.
     */
    private static List<Row> abRounds(Options options, Path out, int[] threadCounts, int warmup, int seconds,
                                      String property, String before, String beforeLabel, String after,
                                      String afterLabel) throws Exception {
        List<Row> rows = new ArrayList<>();
        int rounds = options.integer("rounds", 2);
        for (int round = 0; round < rounds; round++) {
            List<String> order = round % 2 == 0 ? List.of(before, after) : List.of(after, before);
            for (String value : order) {
                Path abDir = fresh(out.resolve("throughput-h2-ab-" + round + "-" + value));
                try (EmbeddedService service = EmbeddedService.start(abDir, Map.of(
                        "jinlin.security.bcrypt-strength", "4", property, value))) {
                    GatewayDriver gateway = new GatewayDriver(service.bean(CommandGateway.class));
                    gateway.send(MixedWorkload.cityPolicy());
                    for (int threads : threadCounts) {
                        String run = "AB" + round + value + threads;
                        rows.add(measure(round + 1, value.equals(before) ? beforeLabel : afterLabel, threads, warmup,
                                         seconds, 1, w -> new MixedWorkload(w, run, false, 42), gateway));
                    }
                }
            }
        }
        return rows;
    }

    private static Row measure(int repeat, String system, int threads, int warmup, int seconds, int eventsPerOp,
                               java.util.function.IntFunction<Runner.Workload> workloads, Driver driver)
            throws Exception {
        System.out.printf("%s, %d threads: %d s warm-up + %d s%n", system, threads, warmup, seconds);
        Runner.Result r = Runner.run(threads, warmup, seconds, workloads, driver);
        Row row = new Row(repeat, system, threads, r.writesPerSecond(), r.writesPerSecond() * eventsPerOp,
                          Runner.Result.percentileMillis(r.writeNanos, 50),
                          Runner.Result.percentileMillis(r.writeNanos, 99),
                          Runner.Result.percentileMillis(r.writeNanos, 100), r.errorCount, Results.loadAverage());
        System.out.printf("  %,.0f ops/s (%,.0f events/s), p50 %.1f ms, p99 %.1f ms, max %.1f ms, refusals %d%n",
                          row.perSecond(), row.eventsPerSecond(), row.p50(), row.p99(), row.max(), row.refusals());
        r.errors.stream().limit(5).forEach(e -> System.out.println("  error: " + e));
        return row;
    }

    private static void report(Database db, Instant started, int seconds, int warmup, int repeats, String loadBefore,
                               List<Row> rows) throws Exception {
        // Rows of the same system and thread count, one per repeat (or per round of a before/after comparison).
        Map<String, List<Row>> runs = new LinkedHashMap<>();
        rows.forEach(r -> runs.computeIfAbsent(r.system() + "\u0000" + r.threads(), k -> new ArrayList<>()).add(r));
        List<String> csv = new ArrayList<>();
        StringBuilder table = new StringBuilder("""
                | system | threads | commands/s: median (each run) | events/s | p50 ms | p99 ms | max ms | refusals | load avg after the last run |
                |---|---|---|---|---|---|---|---|---|
                """);
        for (List<Row> same : runs.values()) {
            Row first = same.get(0);
            Row median = median(same);
            table.append("| %s | %d | **%,.0f** (%s) | %,.0f | %.1f | %.1f | %.1f | %d | %s |%n".formatted(
                    first.system(), first.threads(), median.perSecond(),
                    same.stream().map(r -> "%,.0f".formatted(r.perSecond())).collect(Collectors.joining(" / ")),
                    median.eventsPerSecond(), median.p50(), median.p99(), median.max(), median.refusals(),
                    same.get(same.size() - 1).loadAverage()));
            for (Row row : same) {
                csv.add(csvRow(row, "%s [run %d of %d]".formatted(row.system(), row.repeat(), same.size()), seconds,
                               warmup));
            }
            csv.add(csvRow(median, "%s [median of %d]".formatted(first.system(), same.size()), seconds, warmup));
        }
        StringBuilder ratios = new StringBuilder("""
                | threads | event-sourced gateway ÷ CRUD (target ≥ 1.0) | ÷ raw JDBC events/s (target ≥ 0.25) | HTTP ÷ gateway | gateway ÷ in-memory store |
                |---|---|---|---|---|
                """);
        for (int threads : rows.stream().mapToInt(Row::threads).distinct().toArray()) {
            List<Map<String, Row>> byRepeat = new ArrayList<>();
            for (int repeat = 1; repeat <= repeats; repeat++) {
                Map<String, Row> at = new LinkedHashMap<>();
                for (Row r : rows) {
                    if (r.threads() == threads && r.repeat() == repeat) {
                        at.put(r.system(), r);
                    }
                }
                byRepeat.add(at);
            }
            ratios.append("| %d | %s | %s | %s | %s |%n".formatted(threads,
                    ratios(byRepeat, "event-source", "in-process", "(a)", "", false),
                    ratios(byRepeat, "event-source", "in-process", "(b)", "", true),
                    ratios(byRepeat, "event-source", "HTTP", "event-source", "in-process", false),
                    ratios(byRepeat, "event-source", "in-process", "(c)", "", false)));
        }
        Results.csv("throughput", "system,threads,seconds,warmup,commands_per_s,events_per_s,p50_ms,p99_ms,max_ms,"
                                  + "refusals,load_average_after", csv, db);
        String text = """
                ## Command throughput and latency, with baselines, on %s (issue 9, workload 1 and 2)

                `bench/run.sh throughput --db %s --repeats %d` — started %s; machine: %s; load average at start %s,
                at end %s (the machine was shared with other builds; see the load average after each row). Every
                row: %d s warm-up, then %d s measured, in each of %d repeats; a repeat is a whole run of every
                system, each on a fresh store. Each figure is the median over the repeats (commands/s also lists
                every run; a before/after comparison's rows are its rounds). %s

                %s
                Ratios, computed within each repeat (same thread count, systems measured minutes apart): median
                (each repeat):

                %s
                """.formatted(db.label(), db.name(), repeats, started, Results.machine(), loadBefore,
                              Results.loadAverage(), warmup, seconds, repeats, db.postgres() ? """
                        Database: %s. Every system on its own freshly created database: the service, the service \
                        with the in-memory event store (its lookups, read models and tokens on PostgreSQL), the \
                        CRUD baseline, the raw JDBC baseline. The command mix: see bench/README.md; every command \
                        of it appends exactly one event.""".formatted(db.describe()) : """
                        All on embedded H2 files with the service's URL settings and durable commits (CHECKPOINT \
                        after each commit; the service's event processors commit without a checkpoint each and wait \
                        until the commits they read are checkpointed, unless a row says otherwise), each system on its \
                        own fresh file. The command mix: see bench/README.md; every command of it appends exactly one \
                        event.""", table, ratios);
        System.out.print(text);
        Results.section(db.section("throughput"), text);
    }

    /** Each figure the median of the runs' figures (refusals: their sum). */
    private static Row median(List<Row> same) {
        Row first = same.get(0);
        return new Row(0, first.system(), first.threads(), Results.median(same, Row::perSecond),
                       Results.median(same, Row::eventsPerSecond), Results.median(same, Row::p50),
                       Results.median(same, Row::p99), Results.median(same, Row::max),
                       same.stream().mapToLong(Row::refusals).sum(),
                       same.get(same.size() - 1).loadAverage());
    }


    private static String csvRow(Row row, String label, int seconds, int warmup) {
        return "\"%s\",%d,%d,%d,%.1f,%.1f,%.2f,%.2f,%.2f,%d,\"%s\"".formatted(
                label, row.threads(), seconds, warmup, row.perSecond(), row.eventsPerSecond(), row.p50(), row.p99(),
                row.max(), row.refusals(), row.loadAverage());
    }

    /**
     * The ratio of system a to system b in each repeat where both ran, as "median (each)"; events/s or commands/s.
     */
    private static String ratios(List<Map<String, Row>> byRepeat, String aPrefix, String aContains, String bPrefix,
                                 String bContains, boolean events) {
        List<Double> each = new ArrayList<>();
        for (Map<String, Row> at : byRepeat) {
            Row a = find(at, aPrefix, aContains);
            Row b = find(at, bPrefix, bContains);
            if (a != null && b != null) {
                each.add(events ? a.eventsPerSecond() / b.eventsPerSecond() : a.perSecond() / b.perSecond());
            }
        }
        if (each.isEmpty()) {
            return "–";
        }
        return "**%.2f** (%s)".formatted(Results.median(each.stream().mapToDouble(Double::doubleValue).toArray()),
                                         each.stream().map("%.2f"::formatted).collect(Collectors.joining(" / ")));
    }

    private static Row find(Map<String, Row> rows, String prefix, String contains) {
        return rows.values().stream().filter(r -> r.system().startsWith(prefix) && r.system().contains(contains))
                   .findFirst().orElse(null);
    }
}
