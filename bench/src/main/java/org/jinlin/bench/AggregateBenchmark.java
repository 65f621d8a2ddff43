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
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A long-lived aggregate (issue 9, workload 5): command latency on a community with E events (1 000) against
 * fresh communities (one event), one thread in-process through the gateway, interleaved so both see the same
 * machine. Twice in one run: without snapshots ({@code jinlin.snapshots.after-events=0}) and as configured
 * (a snapshot every 100 events); no aggregate cache.
 */
final class AggregateBenchmark {

    private static final Map<String, Object> META = Map.of(MetadataKeys.ACTOR, "bench-registrar",
                                                           MetadataKeys.ROLE, "REGISTRAR");

    private AggregateBenchmark() {
    }

    /** One side of the comparison: the latencies of a long-lived and of fresh communities. */
    private record Side(String label, double freshP50, double freshP99, double oldP50, double oldP99) {
        double ratioP50() {
            return oldP50 / freshP50;
        }

        double ratioP99() {
            return oldP99 / freshP99;
        }
    }

    static void run(Options options) throws Exception {
        int events = options.integer("events", 1000);
        int samples = options.integer("samples", 200);
        int snapshotEvery = options.integer("snapshot-every", 100);
        Path out = Path.of(options.text("out", "bench/out"));
        Database db = Database.from(options);
        String loadStart = Results.loadAverage();
        Instant started = Instant.now();
        Side without = measure(db, out, "aggregate", events, samples, 0, "no snapshots");
        Side with = measure(db, out, "aggregate_snapshots", events, samples, snapshotEvery,
                            "a snapshot every " + snapshotEvery + " events (the default)");
        StringBuilder table = new StringBuilder();
        for (Side side : List.of(without, with)) {
            table.append("| %s | %.1f / %.1f | %.1f / %.1f | **%.2f** | %.2f |%n".formatted(
                    side.label(), side.freshP50(), side.freshP99(), side.oldP50(), side.oldP99(), side.ratioP50(),
                    side.ratioP99()));
        }
        String text = """
                ## A long-lived aggregate, on %s (issue 9, workload 5)

                `bench/run.sh aggregate --db %s` — started %s; machine: %s; load average at start %s, at end %s
                (shared machine). One thread through the gateway, %d samples, interleaved: a population update on
                a community with %,d+ events, then one on a community with one event. Each side on a fresh service
                and store, one after the other; no aggregate cache. Database: %s.

                | snapshots | fresh (1 event) p50 / p99 ms | long-lived (%,d+ events) p50 / p99 ms | ratio p50 (target ≤ 2) | ratio p99 |
                |---|---|---|---|---|
                %s""".formatted(db.label(), db.name(), started, Results.machine(), loadStart,
                                Results.loadAverage(), samples, events, db.describe(), events, table);
        System.out.print(text);
        Results.section(db.section("aggregate"), text);
        Results.csv("aggregate", "events,samples,fresh_p50_ms,fresh_p99_ms,long_p50_ms,long_p99_ms,ratio_p50,snapshot_every",
                    List.of(without, with).stream().map(side -> "%d,%d,%.2f,%.2f,%.2f,%.2f,%.2f,%d".formatted(
                            events, samples, side.freshP50(), side.freshP99(), side.oldP50(), side.oldP99(),
                            side.ratioP50(), side == without ? 0 : snapshotEvery)).toList(), db);
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
