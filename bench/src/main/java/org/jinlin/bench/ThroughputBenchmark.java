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

/**
 * Command throughput and latency of the mixed workload (commands only) from 1, 4 and 16 threads: in-process through
 * the CommandGateway and over HTTP on loopback, with three baselines in the same run on the same database engine
 * and settings (embedded H2, or PostgreSQL with {@code --db postgres}; each system on its own fresh database):
 * (a) a Spring Data JPA CRUD application, (b) raw JDBC batched appends of event-shaped rows, (c) the service with
 * Axon's in-memory event store.
 */
final class ThroughputBenchmark {

    record Row(String system, int threads, double perSecond, double eventsPerSecond, double p50, double p99,
               double max, long refusals, String loadAverage) {
    }

    private ThroughputBenchmark() {
    }

    static void run(Options options) throws Exception {
        int seconds = options.integer("seconds", 60);
        int warmup = options.integer("warmup", 10);
        int batch = options.integer("batch", 100);
        int[] threadCounts = Arrays.stream(options.text("threads", "1,4,16").split(",")).mapToInt(Integer::parseInt)
                                   .toArray();
        List<String> systems = List.of(options.text("systems", "gateway,http,memory,crud,jdbc").split(","));
        Path out = Path.of(options.text("out", "bench/out"));
        Database db = Database.from(options);
        String loadBefore = Results.loadAverage();
        Instant started = Instant.now();
        List<Row> rows = new ArrayList<>();
        List<JdbcAppendBaseline.Sample> samples = new ArrayList<>();

        Path esDir = fresh(out.resolve("throughput-" + db.name()));
        Map<String, Object> serviceProperties = new HashMap<>(db.serviceProperties("throughput", true));
        serviceProperties.put("jinlin.security.bcrypt-strength", "4");
        try (EmbeddedService service = EmbeddedService.start(esDir, serviceProperties)) {
            GatewayDriver gateway = new GatewayDriver(service.bean(CommandGateway.class));
            gateway.send(MixedWorkload.cityPolicy());
            if (systems.contains("gateway")) {
                for (int threads : threadCounts) {
                    String run = "G" + threads;
                    rows.add(measure("event-sourced, in-process gateway", threads, warmup, seconds, 1,
                                     w -> new MixedWorkload(w, run, false, 42), gateway));
                }
            }
            if (systems.contains("http")) {
                int port = ((WebServerApplicationContext) service.context).getWebServer().getPort();
                HttpDriver http = new HttpDriver(port, LoadBenchmark.PASSWORD);
                for (int threads : threadCounts) {
                    String run = "H" + threads;
                    LoadBenchmark.createUsers(service, run, threads);
                    rows.add(measure("event-sourced, HTTP loopback", threads, warmup, seconds, 1,
                                     w -> new MixedWorkload(w, run, false, 42), http));
                }
            }
            service.bean(JdbcTemplate.class).query(
                    "select payload, meta_data, payload_type from domain_event_entry order by global_index limit 5000",
                    rs -> {
                        samples.add(new JdbcAppendBaseline.Sample(rs.getBytes(1), rs.getBytes(2), rs.getString(3)));
                    });
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
        if (systems.contains("memory")) {
            Path memoryDir = fresh(out.resolve("throughput-memory-" + db.name()));
            Map<String, Object> memoryProperties = new HashMap<>(db.serviceProperties("throughput_memory", true));
            memoryProperties.put("spring.main.allow-bean-definition-overriding", "true");
            try (EmbeddedService service = EmbeddedService.start(memoryDir, memoryProperties,
                                                                 InMemoryEventStore.class)) {
                GatewayDriver gateway = new GatewayDriver(service.bean(CommandGateway.class));
                gateway.send(MixedWorkload.cityPolicy());
                for (int threads : threadCounts) {
                    String run = "M" + threads;
                    rows.add(measure("(c) Axon, in-memory event store, gateway", threads, warmup, seconds, 1,
                                     w -> new MixedWorkload(w, run, false, 42), gateway));
                }
            }
        }
        if (systems.contains("crud")) {
            Path crudDir = fresh(out.resolve("throughput-crud-" + db.name()));
            try (CrudBaseline crud = new CrudBaseline(db.baselineUrl("throughput_crud", crudDir), db.user(),
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
                    rows.add(measure("(a) Spring Data JPA CRUD", threads, warmup, seconds, 1,
                                     w -> new MixedWorkload(w, run, false, 42), driver));
                }
            }
        }
        if (systems.contains("jdbc") && !samples.isEmpty()) {
            Path jdbcDir = fresh(out.resolve("throughput-jdbc-" + db.name()));
            try (JdbcAppendBaseline jdbc = new JdbcAppendBaseline(
                    db.baselineUrl("throughput_raw", jdbcDir), db.user(), db.password(), samples, batch)) {
                for (int threads : threadCounts) {
                    String run = "J" + threads;
                    rows.add(measure("(b) raw JDBC batched appends (" + batch + "/tx)", threads, warmup, seconds,
                                     batch, w -> jdbc.workload(w, run), jdbc.driver()));
                }
            }
        }
        report(db, started, seconds, warmup, loadBefore, rows);
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
                Path abDir = fresh(out.resolve("throughput-h2-ab"));
                try (EmbeddedService service = EmbeddedService.start(abDir, Map.of(
                        "jinlin.security.bcrypt-strength", "4", property, value))) {
                    GatewayDriver gateway = new GatewayDriver(service.bean(CommandGateway.class));
                    gateway.send(MixedWorkload.cityPolicy());
                    for (int threads : threadCounts) {
                        String run = "AB" + round + value + threads;
                        rows.add(measure(value.equals(before) ? beforeLabel : afterLabel, threads, warmup, seconds,
                                         1, w -> new MixedWorkload(w, run, false, 42), gateway));
                    }
                }
            }
        }
        return rows;
    }

    private static Row measure(String system, int threads, int warmup, int seconds, int eventsPerOp,
                               java.util.function.IntFunction<Runner.Workload> workloads, Driver driver)
            throws Exception {
        System.out.printf("%s, %d threads: %d s warm-up + %d s%n", system, threads, warmup, seconds);
        Runner.Result r = Runner.run(threads, warmup, seconds, workloads, driver);
        Row row = new Row(system, threads, r.writesPerSecond(), r.writesPerSecond() * eventsPerOp,
                          Runner.Result.percentileMillis(r.writeNanos, 50),
                          Runner.Result.percentileMillis(r.writeNanos, 99),
                          Runner.Result.percentileMillis(r.writeNanos, 100), r.errorCount, Results.loadAverage());
        System.out.printf("  %,.0f ops/s (%,.0f events/s), p50 %.1f ms, p99 %.1f ms, max %.1f ms, refusals %d%n",
                          row.perSecond(), row.eventsPerSecond(), row.p50(), row.p99(), row.max(), row.refusals());
        r.errors.stream().limit(5).forEach(e -> System.out.println("  error: " + e));
        return row;
    }

    private static void report(Database db, Instant started, int seconds, int warmup, String loadBefore, List<Row> rows)
            throws Exception {
        List<String> csv = new ArrayList<>();
        StringBuilder table = new StringBuilder("""
                | system | threads | commands/s | events/s | p50 ms | p99 ms | max ms | refusals | load avg after |
                |---|---|---|---|---|---|---|---|---|
                """);
        for (Row row : rows) {
            table.append("| %s | %d | %,.0f | %,.0f | %.1f | %.1f | %.1f | %d | %s |%n".formatted(
                    row.system(), row.threads(), row.perSecond(), row.eventsPerSecond(), row.p50(), row.p99(),
                    row.max(), row.refusals(), row.loadAverage()));
            csv.add("\"%s\",%d,%d,%d,%.1f,%.1f,%.2f,%.2f,%.2f,%d,\"%s\"".formatted(
                    row.system(), row.threads(), seconds, warmup, row.perSecond(), row.eventsPerSecond(), row.p50(),
                    row.p99(), row.max(), row.refusals(), row.loadAverage()));
        }
        Map<Integer, Map<String, Row>> byThreads = new LinkedHashMap<>();
        rows.forEach(r -> byThreads.computeIfAbsent(r.threads(), t -> new LinkedHashMap<>())
                                   .put(r.system(), r));
        StringBuilder ratios = new StringBuilder("""
                | threads | event-sourced gateway ÷ CRUD (target ≥ 1.0) | ÷ raw JDBC events/s (target ≥ 0.25) | HTTP ÷ gateway | gateway ÷ in-memory store |
                |---|---|---|---|---|
                """);
        for (Map.Entry<Integer, Map<String, Row>> entry : byThreads.entrySet()) {
            Map<String, Row> at = entry.getValue();
            Row gateway = find(at, "event-source", "in-process");
            Row http = find(at, "event-source", "HTTP");
            Row crud = find(at, "(a)", "");
            Row jdbc = find(at, "(b)", "");
            Row memory = find(at, "(c)", "");
            ratios.append("| %d | %s | %s | %s | %s |%n".formatted(entry.getKey(), ratio(gateway, crud, false),
                                                                   ratio(gateway, jdbc, true), ratio(http, gateway, false),
                                                                   ratio(gateway, memory, false)));
        }
        Results.csv("throughput", "system,threads,seconds,warmup,commands_per_s,events_per_s,p50_ms,p99_ms,max_ms,"
                                  + "refusals,load_average_after", csv, db);
        String text = """
                ## Command throughput and latency, with baselines, on %s (issue 9, workload 1 and 2)

                `bench/run.sh throughput --db %s` — started %s; machine: %s; load average at start %s, at end %s
                (the machine was shared with other builds; see the load average after each row). Every row: %d s
                warm-up, then %d s measured; one run per row (60 s rows are long enough that the median of one
                run is the run). %s

                %s
                Ratios (same thread count, same run):

                %s
                """.formatted(db.label(), db.name(), started, Results.machine(), loadBefore, Results.loadAverage(),
                              warmup, seconds, db.postgres() ? """
                        Database: %s. Every system on its own freshly created database: the service, the service \
                        with the in-memory event store (its lookups, read models and tokens on PostgreSQL), the \
                        CRUD baseline, the raw JDBC baseline. The command mix: see bench/README.md; every command \
                        of it appends exactly one event.""".formatted(db.describe()) : """
                        All on embedded H2 files with the service's URL settings and durable commits (CHECKPOINT \
                        after each commit; the service leaves its event processors' commits to H2's write delay \
                        unless a row says otherwise), each system on its own fresh file. The command mix: see \
                        bench/README.md; every command of it appends exactly one event.""", table, ratios);
        System.out.print(text);
        Results.section(db.section("throughput"), text);
    }

    private static Row find(Map<String, Row> rows, String prefix, String contains) {
        return rows.values().stream().filter(r -> r.system().startsWith(prefix) && r.system().contains(contains))
                   .findFirst().orElse(null);
    }

    private static String ratio(Row a, Row b, boolean events) {
        if (a == null || b == null) {
            return "–";
        }
        double x = events ? a.eventsPerSecond() / b.eventsPerSecond() : a.perSecond() / b.perSecond();
        return String.format("%.2f", x);
    }
}
