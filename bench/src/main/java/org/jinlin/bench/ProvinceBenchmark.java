package org.jinlin.bench;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.jinlin.app.security.UserAdministration;
import org.jinlin.app.security.UserAdministration.NewUser;
import org.jinlin.query.readmodel.ProjectionAdministration;
import org.springframework.boot.web.context.WebServerApplicationContext;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Province scale (issue 9, workloads 3, 4 and 6): generates the province's events in bulk (see
 * {@link ProvinceData}), lets the read models project them, then
 * <ol>
 *   <li>replay: resets every read model's processor at once and times until all have switched over to their
 *       rebuilt generation (queries answer from the new rows again): events/s;</li>
 *   <li>queries: p50/p99 of every read endpoint of API.md, filtered and unfiltered, current and asOf;</li>
 *   <li>start-up: closes the service, starts it again on the same files, and reports the time until it answers
 *       and the heap used after a full GC.</li>
 * </ol>
 * Stages can be skipped: {@code --stages generate,replay,queries,startup}. Without generate, it reuses the files
 * of the previous run.
 */
final class ProvinceBenchmark {

    private ProvinceBenchmark() {
    }

    static void run(Options options) throws Exception {
        double scale = Double.parseDouble(options.text("scale", "1.0"));
        int batch = options.integer("batch", 1000);
        int samples = options.integer("samples", 100);
        int warmup = options.integer("warmup-requests", 10);
        int rowSeconds = options.integer("row-seconds", 60);
        int queryRuns = options.integer("query-runs", 3);
        List<String> stages = List.of(options.text("stages", "generate,replay,queries,startup").split(","));
        Database db = Database.from(options);
        Path dataDir = Path.of(options.text("out", "bench/out")).resolve("province-" + db.name());
        StringBuilder md = new StringBuilder();
        List<String> csv = new ArrayList<>();
        String loadStart = Results.loadAverage();
        Instant started = Instant.now();
        if (stages.contains("generate")) {
            EmbeddedService.wipe(dataDir);
            Files.createDirectories(dataDir);
        }
        ProvinceData data;
        Map<String, Object> properties = new HashMap<>(db.serviceProperties("province", stages.contains("generate")));
        properties.put("jinlin.security.bcrypt-strength", "4");
        try (EmbeddedService service = EmbeddedService.start(dataDir, properties)) {
            data = new ProvinceData(service.bean(EventStorageEngine.class), scale, batch);
            createUsers(service);
            if (stages.contains("generate")) {
                System.out.printf("generating %,d communities, %,d households (%,d members), %,d disputes: ~%,d events%n",
                                  data.communities, data.households, data.households * data.membersPerHousehold,
                                  data.disputes, data.totalEvents);
                // The read models wait while the store is filled, then build from the first event.
                var processors = service.bean(org.axonframework.config.EventProcessingConfiguration.class)
                                        .eventProcessors().values();
                processors.forEach(org.axonframework.eventhandling.EventProcessor::shutDown);
                long t0 = System.nanoTime();
                ProgressLine progress = new ProgressLine("events", data.totalEvents, data::appended);
                data.generate(progress::print);
                progress.done();
                double generateSeconds = (System.nanoTime() - t0) / 1e9;
                long t1 = System.nanoTime();
                processors.forEach(org.axonframework.eventhandling.EventProcessor::start);
                service.awaitProjections();
                double projectSeconds = (System.nanoTime() - t1) / 1e9;
                long events = service.storedEvents();
                md.append("""
                        | generation | value |
                        |---|---|
                        | generated | %,d communities, %,d households with %,d members, %,d disputes |
                        | events stored | %,d |
                        | append through the EventStorageEngine, batches of %d | %.0f s = %,.0f events/s |
                        | first build of every read model after the append (processors paused during it) | %.0f s |
                        """.formatted(data.communities, data.households, data.households * data.membersPerHousehold,
                                      data.disputes, events, batch, generateSeconds, events / generateSeconds,
                                      projectSeconds));
                csv.add("generate,%d,%.1f,%.0f".formatted(events, generateSeconds, events / generateSeconds));
            }
            if (stages.contains("replay")) {
                replay(service, md, csv);
            }
            if (stages.contains("queries")) {
                service.awaitProjections();
                int port = ((WebServerApplicationContext) service.context).getWebServer().getPort();
                queries(new HttpDriver(port, LoadBenchmark.PASSWORD), data, queryRuns, samples, warmup, rowSeconds,
                        db.postgres(), md, csv);
            }
        }
        if (stages.contains("startup")) {
            startup(dataDir, db.serviceProperties("province", false), md, csv);
        }
        Results.csv("province", "stage,count,seconds_or_p50_ms,rate_or_p99_ms", csv, db);
        Results.section(db.section("province"), """
                ## Province scale: replay, query latency, start-up, on %s (issue 9, workloads 3, 4, 6)

                `bench/run.sh province --db %s --scale %s` — started %s; machine: %s; load average at start %s, at end %s
                (the machine was shared with other builds). The events are **generated**, not command-produced:
                real domain events (communities, compounds, mediators and appointments, households with their
                members and hardship assessments, disputes reported, assigned, mediated and mostly resolved)
                appended in batches through the service's own EventStorageEngine, so they are serialized,
                encrypted and hash-chained like any other; the command side's checks are skipped. Database:
                %s.

                %s
                """.formatted(db.label(), db.name(), options.text("scale", "1.0"), started, Results.machine(),
                              loadStart, Results.loadAverage(), db.postgres() ? db.describe()
                                      : "embedded H2 with the application.yml settings", md));
        System.out.println(md);
    }

    private static void createUsers(EmbeddedService service) {
        UserAdministration users = service.bean(UserAdministration.class);
        if (!users.exists(MixedWorkload.AUDITOR)) {
            users.create(new NewUser(MixedWorkload.AUDITOR, LoadBenchmark.PASSWORD, List.of("AUDITOR"), null, null));
        }
    }

    private static void replay(EmbeddedService service, StringBuilder md, List<String> csv) throws Exception {
        service.awaitProjections();
        ProjectionAdministration admin = service.bean(ProjectionAdministration.class);
        long events = service.storedEvents();
        List<String> names = admin.statuses().stream().map(ProjectionAdministration.Status::name).toList();
        System.out.printf("replaying %s over %,d events%n", names, events);
        Map<String, Integer> generationBefore = new LinkedHashMap<>();
        admin.statuses().forEach(status -> generationBefore.put(status.name(), status.readGeneration()));
        long t0 = System.nanoTime();
        for (String name : names) {
            admin.replay(name);
        }
        Map<String, Double> doneAt = new LinkedHashMap<>();
        while (doneAt.size() < names.size()) {
            Thread.sleep(500);
            for (ProjectionAdministration.Status status : admin.statuses()) {
                // Answering from the rebuilt rows: queries read a newer generation than before the replay.
                if (!doneAt.containsKey(status.name()) && !status.replaying()
                    && status.readGeneration() > generationBefore.get(status.name())) {
                    doneAt.put(status.name(), (System.nanoTime() - t0) / 1e9);
                    System.out.printf("%n  %s answers again after %.1f s%n", status.name(), doneAt.get(status.name()));
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            long slowest = admin.statuses().stream().mapToLong(ProjectionAdministration.Status::position).min().orElse(0);
            System.out.printf("\r  %.0f s, slowest at %,d of %,d (%,.0f events/s)   ", seconds, slowest, events,
                              slowest / seconds);
        }
        double all = doneAt.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        // The replaced generations' rows go on a thread of their own after the switch; the queries are measured
        // after that, so they do not share the machine with it.
        while (admin.statuses().stream().anyMatch(ProjectionAdministration.Status::removingOldRows)) {
            Thread.sleep(1000);
            System.out.printf("\r  removing the replaced rows, %.0f s after the start of the replay   ",
                              (System.nanoTime() - t0) / 1e9);
        }
        double removed = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%n  replaced rows removed %.0f s after the start of the replay%n", removed);
        StringBuilder rows = new StringBuilder();
        doneAt.forEach((name, seconds) -> {
            rows.append("| %s | %.0f s | %,.0f |%n".formatted(name, seconds, events / seconds));
            csv.add("replay-%s,%d,%.1f,%.0f".formatted(name, events, seconds, events / seconds));
        });
        csv.add("replay-all,%d,%.1f,%.0f".formatted(events, all, events / all));
        csv.add("replay-old-rows-removed,%d,%.1f,".formatted(events, removed - all));
        md.append("""

                **Replay** of every read model at once (Axon token reset through ProjectionAdministration, the
                mechanism behind `POST /api/admin/projections/{name}/replay`), %,d events; time until the
                projection has switched to its rebuilt generation, i.e. answers from rebuilt rows:

                | read model | time until it answers from the rebuilt rows | events/s (each reads the whole stream) |
                |---|---|---|
                %s| **all** | **%.0f s** | **%,.0f** (target ≥ 20 000) |

                The replaced generations' rows were removed %.0f s after the last switch (10 000 rows per statement, on
                a thread of its own; queries answer from the rebuilt rows meanwhile).
                """.formatted(events, rows, all, events / all, removed - all));
    }

    private static void queries(HttpDriver http, ProvinceData data, int runs, int samples, int warmup,
                                int rowSeconds, boolean postgres, StringBuilder md, List<String> csv) {
        String asOf = data.asOf().toString();
        String city = "350800";
        String county = "350802";
        String community = ProvinceData.community(26);
        List<String[]> endpoints = new ArrayList<>();
        endpoints.add(new String[]{"mediator ratios", "/api/stats/mediator-ratios"});
        endpoints.add(new String[]{"ratio gaps of a city", "/api/stats/mediator-ratios/" + city + "/gaps"});
        endpoints.add(new String[]{"community", "/api/communities/{community}"});
        endpoints.add(new String[]{"mediator", "/api/mediators/{mediator}"});
        endpoints.add(new String[]{"resolution by city", "/api/stats/resolution?groupBy=city"});
        endpoints.add(new String[]{"resolution by county, one city", "/api/stats/resolution?groupBy=county&cityCode=" + city});
        endpoints.add(new String[]{"resolution by community, one city", "/api/stats/resolution?groupBy=community&cityCode=" + city});
        endpoints.add(new String[]{"resolution by compound, one city, a year", "/api/stats/resolution?groupBy=compound&cityCode=" + city
                                                                          + "&from=" + java.time.YearMonth.now().minusYears(1) + "&to=" + java.time.YearMonth.now()});
        endpoints.add(new String[]{"roster, unfiltered", "/api/rosters/low-income?page=0&size=50"});
        endpoints.add(new String[]{"roster, a city", "/api/rosters/low-income?cityCode=" + city + "&size=50"});
        endpoints.add(new String[]{"roster, a county", "/api/rosters/low-income?countyCode=" + county + "&size=50"});
        endpoints.add(new String[]{"roster, a community", "/api/rosters/low-income?communityCode=" + community + "&size=50"});
        endpoints.add(new String[]{"roster, a category", "/api/rosters/low-income?category=DIBAO&size=50"});
        endpoints.add(new String[]{"roster CSV, a community", "/api/rosters/low-income.csv?communityCode=" + community});
        endpoints.add(new String[]{"roster summary by city", "/api/rosters/low-income/summary?groupBy=city"});
        endpoints.add(new String[]{"roster summary by county", "/api/rosters/low-income/summary?groupBy=county"});
        endpoints.add(new String[]{"roster summary by community", "/api/rosters/low-income/summary?groupBy=community"});
        endpoints.add(new String[]{"dispute", "/api/disputes/{dispute}"});
        endpoints.add(new String[]{"disputes, unfiltered", "/api/disputes?size=50"});
        endpoints.add(new String[]{"disputes of a mediator", "/api/disputes?mediatorId={mediator}&size=50"});
        endpoints.add(new String[]{"disputes by status", "/api/disputes?status=ASSIGNED&size=50"});
        endpoints.add(new String[]{"disputes overdue", "/api/disputes?overdue=true&size=50"});
        endpoints.add(new String[]{"household", "/api/households/{household}"});
        java.util.Random random = new java.util.Random(3);
        // figures[run][endpoint][mode] = {p50, p99, measured}; statuses per endpoint over every run.
        double[][][][] figures = new double[runs][endpoints.size()][2][];
        String[] statuses = new String[endpoints.size()];
        java.util.Arrays.fill(statuses, "200");
        for (int run = 0; run < runs; run++) {
            System.out.printf("query run %d of %d%n", run + 1, runs);
            for (int e = 0; e < endpoints.size(); e++) {
                String[] endpoint = endpoints.get(e);
                for (int mode = 0; mode < 2; mode++) {
                    long[] nanos = new long[samples];
                    int taken = 0;
                    long rowStarted = System.nanoTime();
                    // The first requests of each row (not measured) parse and plan its statements and fill the caches.
                    for (int i = -warmup; i < samples; i++) {
                        int c = random.nextInt(data.communities);
                        String path = endpoint[1].replace("{community}", ProvinceData.community(c))
                                                 .replace("{mediator}", ProvinceData.mediator(c))
                                                 .replace("{dispute}", ProvinceData.dispute(random.nextInt(data.disputes * 8 / 10)))
                                                 .replace("{household}", ProvinceData.household(random.nextInt(data.households)));
                        if (mode == 1) {
                            // A different instant per request: H2 answers a statement repeated with the same
                            // arguments from its last result while nothing it read has changed, which live writes
                            // would prevent.
                            path += (path.contains("?") ? "&" : "?") + "asOf="
                                    + data.asOf().minusMillis(random.nextInt(600_000));
                        }
                        long t0 = System.nanoTime();
                        Driver.Answer answer = http.send(new Op(endpoint[0], MixedWorkload.AUDITOR, "GET", path, null,
                                                                null, Map.of(), null));
                        if (i < 0) {
                            if (System.nanoTime() - rowStarted > rowSeconds * 250_000_000L) {
                                i = -1; // a quarter of the budget spent warming up: start measuring
                            }
                            continue;
                        }
                        nanos[i] = System.nanoTime() - t0;
                        taken = i + 1;
                        if (answer.status() != 200 && !statuses[e].contains(String.valueOf(answer.status()))) {
                            statuses[e] = statuses[e] + ", " + answer.status() + (answer.error() == null ? ""
                                    : " (" + answer.error().substring(0, Math.min(160, answer.error().length())) + ")");
                        }
                        // A row slower than its time budget stops early (after at least 10 measured requests), so
                        // that one slow read cannot hold up the rest; the table says how many were measured.
                        if (taken >= 10 && System.nanoTime() - rowStarted > rowSeconds * 1_000_000_000L) {
                            break;
                        }
                    }
                    nanos = java.util.Arrays.copyOf(nanos, taken);
                    java.util.Arrays.sort(nanos);
                    double[] f = {Runner.Result.percentileMillis(nanos, 50), Runner.Result.percentileMillis(nanos, 99),
                                  taken};
                    figures[run][e][mode] = f;
                    String label = "query-%s%s".formatted(endpoint[0].replace(',', ';'), mode == 1 ? " asOf" : "");
                    csv.add("%s [run %d of %d],%d,%.2f,%.2f".formatted(label, run + 1, runs, taken, f[0], f[1]));
                    System.out.printf("%-45s %s p50 %.1f p99 %.1f  %s%n", endpoint[0], mode == 1 ? "asOf   " : "current",
                                      f[0], f[1], statuses[e]);
                }
            }
        }
        StringBuilder table = new StringBuilder("""
                | endpoint | current p50 / p99 ms | asOf p50 / p99 ms | p99 of each run, current / asOf | requests measured per run (current / asOf) | status |
                |---|---|---|---|---|---|
                """);
        int metCurrent = 0;
        int metAsOf = 0;
        for (int e = 0; e < endpoints.size(); e++) {
            String[] endpoint = endpoints.get(e);
            double[][] median = new double[2][];
            StringBuilder each = new StringBuilder();
            for (int mode = 0; mode < 2; mode++) {
                final int m = mode;
                final int index = e;
                java.util.function.IntFunction<double[]> column = k -> java.util.Arrays.stream(figures)
                        .mapToDouble(run -> run[index][m][k]).toArray();
                median[mode] = new double[]{Results.median(column.apply(0)), Results.median(column.apply(1)),
                                            Results.median(column.apply(2))};
                each.append(mode == 0 ? "" : " / ").append(java.util.Arrays.stream(column.apply(1))
                        .mapToObj("%.0f"::formatted).collect(java.util.stream.Collectors.joining(", ")));
                String label = "query-%s%s".formatted(endpoint[0].replace(',', ';'), mode == 1 ? " asOf" : "");
                csv.add("%s [median of %d],%d,%.2f,%.2f".formatted(label, runs, (long) median[mode][2],
                                                                    median[mode][0], median[mode][1]));
            }
            metCurrent += median[0][1] <= 50 ? 1 : 0;
            metAsOf += median[1][1] <= 50 ? 1 : 0;
            boolean met = median[0][1] <= 50 && median[1][1] <= 50;
            table.append("| %s `%s` | %.1f / %.1f | %.1f / %.1f | %s | %.0f / %.0f | %s%s |%n".formatted(
                    endpoint[0], endpoint[1], median[0][0], median[0][1], median[1][0], median[1][1], each,
                    median[0][2], median[1][2], statuses[e], met ? "" : " — p99 over 50 ms"));
        }
        table.append("%nMedian p99 ≤ 50 ms: **%d of %d current, %d of %d asOf**.%n".formatted(
                metCurrent, endpoints.size(), metAsOf, endpoints.size()));
        md.append("""

                **Query latency**, %d runs over every endpoint; in each, %d sequential requests per row over HTTP
                loopback as an AUDITOR, after %d unmeasured ones, or fewer (at least 10) where a row took longer than
                %d s (random ids and communities per request; asOf = a different instant per request in the ten
                minutes before %s, 95 %% through the generated history, when every entity read by id existed). Each
                percentile is the median of the runs' percentiles.%s Target p99 ≤ 50 ms:

                %s""".formatted(runs, samples, warmup, rowSeconds, asOf, postgres ? "" : """
                 H2 answers a statement repeated with the same arguments from its last result while nothing it
                read has changed: the current rows of the lists and statistics repeat theirs, so they may be
                served so here but not under live writes; the asOf rows never repeat.""", table));
    }

    private static void startup(Path dataDir, Map<String, Object> properties, StringBuilder md, List<String> csv)
            throws Exception {
        System.gc();
        long t0 = System.nanoTime();
        try (EmbeddedService service = EmbeddedService.start(dataDir, properties)) {
            double seconds = (System.nanoTime() - t0) / 1e9;
            long events = service.storedEvents();
            service.awaitProjections();
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            Thread.sleep(1000);
            System.gc();
            long heap = memory.getHeapMemoryUsage().getUsed();
            md.append("""

                    **Start-up** on the province's data (%,d events, read models current): %.1f s until the
                    service answers (Spring context refreshed, Flyway validated, processors started); heap used
                    after a full GC with the service idle: %,d MiB (-Xmx %,d MiB).
                    """.formatted(events, seconds, heap / 1024 / 1024, Runtime.getRuntime().maxMemory() / 1024 / 1024));
            csv.add("startup,%d,%.1f,%d".formatted(events, seconds, heap / 1024 / 1024));
        }
    }
}
