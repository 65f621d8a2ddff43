package org.jinlin.bench;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jinlin.kernel.MetadataKeys;
import org.jinlin.kernel.community.CommunityCommands.RegisterCommunity;
import org.jinlin.kernel.community.CommunityCommands.UpdateResidentPopulation;
import org.jinlin.kernel.community.CommunityKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A long-lived aggregate (issue 9, workload 5): command latency on a community with E events (1 000) against
 * fresh communities (one event), one thread in-process through the gateway, interleaved so both see the same
 * machine. Twice in each repeat: without snapshots ({@code jinlin.snapshots.after-events=0}) and as configured
 * (a snapshot every 100 events); no aggregate cache. The report gives the medians over the repeats.
 */
final class AggregateBenchmark {

    private static final Map<String, Object> META = Map.of(MetadataKeys.ACTOR, "bench-registrar",
                                                           MetadataKeys.ROLE, "REGISTRAR");

    private AggregateBenchmark() {
    }

    /** One side of the comparison: the latencies of a long-lived and of fresh communities. */
    private record Side(String label, double freshP50, double freshP99, double oldP50, double oldP99,
                        double ratioP50, double ratioP99) {
        Side(String label, double freshP50, double freshP99, double oldP50, double oldP99) {
            this(label, freshP50, freshP99, oldP50, oldP99, oldP50 / freshP50, oldP99 / freshP99);
        }
    }

    static void run(Options options) throws Exception {
        int events = options.integer("events", 1000);
        int samples = options.integer("samples", 200);
        int snapshotEvery = options.integer("snapshot-every", 100);
        int repeats = options.integer("repeats", 3);
        Path out = Path.of(options.text("out", "bench/out"));
        Database db = Database.from(options);
        String loadStart = Results.loadAverage();
        Instant started = Instant.now();
        List<Side> without = new ArrayList<>();
        List<Side> with = new ArrayList<>();
        for (int repeat = 1; repeat <= repeats; repeat++) {
            System.out.printf("== repeat %d of %d%n", repeat, repeats);
            // Each repeat on stores of its own (see ThroughputBenchmark.runOnce).
            without.add(measure(db, out, "aggregate_r" + repeat, events, samples, 0, "no snapshots"));
            with.add(measure(db, out, "aggregate_snapshots_r" + repeat, events, samples, snapshotEvery,
                             "a snapshot every " + snapshotEvery + " events (the default)"));
        }
        StringBuilder table = new StringBuilder();
        List<String> csv = new ArrayList<>();
        for (List<Side> runs : List.of(without, with)) {
            Side median = median(runs);
            table.append("| %s | %.1f / %.1f | %.1f / %.1f | **%.2f** (%s) | %.2f |%n".formatted(
                    median.label(), median.freshP50(), median.freshP99(), median.oldP50(), median.oldP99(),
                    median.ratioP50(), runs.stream().map(side -> "%.2f".formatted(side.ratioP50()))
                                           .collect(Collectors.joining(" / ")), median.ratioP99()));
            int every = runs == without ? 0 : snapshotEvery;
            runs.forEach(side -> csv.add(csvRow(events, samples, side, every)));
            csv.add(csvRow(events, samples, median, every));
        }
        String text = """
                ## A long-lived aggregate, on %s (issue 9, workload 5)

                `bench/run.sh aggregate --db %s --repeats %d` — started %s; machine: %s; load average at start %s,
                at end %s (shared machine). One thread through the gateway, %d samples, interleaved: a population
                update on a community with %,d+ events, then one on a community with one event. Each side on a fresh
                service and store, one after the other, in each of %d repeats; no aggregate cache. Each latency is
                the median of the repeats' percentiles, and each ratio is computed within a repeat (p50: median and
                every repeat's). Database: %s.

                | snapshots | fresh (1 event) p50 / p99 ms | long-lived (%,d+ events) p50 / p99 ms | ratio p50 (target ≤ 2): median (each) | ratio p99 |
                |---|---|---|---|---|
                %s""".formatted(db.label(), db.name(), repeats, started, Results.machine(), loadStart,
                                Results.loadAverage(), samples, events, repeats, db.describe(), events, table);
        System.out.print(text);
        Results.section(db.section("aggregate"), text);
        // One row per repeat and side, then the side's medians (its ratios the median of the repeats' ratios).
        Results.csv("aggregate", "events,samples,fresh_p50_ms,fresh_p99_ms,long_p50_ms,long_p99_ms,ratio_p50,snapshot_every",
                    csv, db);
    }

    private static String csvRow(int events, int samples, Side side, int snapshotEvery) {
        return "%d,%d,%.2f,%.2f,%.2f,%.2f,%.2f,%d".formatted(events, samples, side.freshP50(), side.freshP99(),
                                                             side.oldP50(), side.oldP99(), side.ratioP50(),
                                                             snapshotEvery);
    }

    /** The median of each latency over the repeats; its ratios are the medians of the repeats' ratios. */
    private static Side median(List<Side> runs) {
        return new Side(runs.get(0).label() + (runs.size() > 1 ? " (median of " + runs.size() + ")" : ""),
                        Results.median(runs, Side::freshP50), Results.median(runs, Side::freshP99),
                        Results.median(runs, Side::oldP50), Results.median(runs, Side::oldP99),
                        Results.median(runs, Side::ratioP50), Results.median(runs, Side::ratioP99));
    }


    private static Side measure(Database db, Path out, String name, int events, int samples, int snapshotEvery,
                                String label) throws Exception {
        Path dataDir = out.resolve(name.replace('_', '-') + "-" + db.name());
        EmbeddedService.wipe(dataDir);
        Files.createDirectories(dataDir);
        Map<String, Object> properties = new java.util.LinkedHashMap<>(db.serviceProperties(name, true));
        properties.put("jinlin.snapshots.after-events", String.valueOf(snapshotEvery));
        try (EmbeddedService service = EmbeddedService.start(dataDir, properties)) {
            CommandGateway gateway = service.bean(CommandGateway.class);
            String longLived = "350802900001";
            send(gateway, new RegisterCommunity(longLived, "老社区", CommunityKind.URBAN, "东城街道", 10_000));
            for (int i = 1; i < events; i++) {
                send(gateway, new UpdateResidentPopulation(longLived, 10_000 + i, null));
                if (i % 100 == 0) {
                    System.out.printf("\r  %s: building the long-lived aggregate: %d/%d events   ", label, i + 1,
                                      events);
                }
            }
            System.out.println();
            long[] old = new long[samples];
            long[] fresh = new long[samples];
            for (int i = 0; i < samples; i++) {
                String code = String.format("350802901%03d", i + 1);
                send(gateway, new RegisterCommunity(code, "新社区" + i, CommunityKind.URBAN, "东城街道", 10_000));
                long t0 = System.nanoTime();
                send(gateway, new UpdateResidentPopulation(code, 9_000 + i, null));
                fresh[i] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                send(gateway, new UpdateResidentPopulation(longLived, 20_000 + i, null));
                old[i] = System.nanoTime() - t0;
            }
            Arrays.sort(old);
            Arrays.sort(fresh);
            return new Side(label, Runner.Result.percentileMillis(fresh, 50), Runner.Result.percentileMillis(fresh, 99),
                            Runner.Result.percentileMillis(old, 50), Runner.Result.percentileMillis(old, 99));
        }
    }

    private static void send(CommandGateway gateway, Object command) {
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(META));
    }
}
