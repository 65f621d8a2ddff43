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
 * machine. The service as configured: no snapshots, no aggregate cache.
 */
final class AggregateBenchmark {

    private static final Map<String, Object> META = Map.of(MetadataKeys.ACTOR, "bench-registrar",
                                                           MetadataKeys.ROLE, "REGISTRAR");

    private AggregateBenchmark() {
    }

    static void run(Options options) throws Exception {
        int events = options.integer("events", 1000);
        int samples = options.integer("samples", 200);
        Database db = Database.from(options);
        Path dataDir = Path.of(options.text("out", "bench/out")).resolve("aggregate-" + db.name());
        EmbeddedService.wipe(dataDir);
        Files.createDirectories(dataDir);
        String loadStart = Results.loadAverage();
        Instant started = Instant.now();
        try (EmbeddedService service = EmbeddedService.start(dataDir, db.serviceProperties("aggregate", true))) {
            CommandGateway gateway = service.bean(CommandGateway.class);
            String longLived = "350802900001";
            send(gateway, new RegisterCommunity(longLived, "老社区", CommunityKind.URBAN, "东城街道", 10_000));
            for (int i = 1; i < events; i++) {
                send(gateway, new UpdateResidentPopulation(longLived, 10_000 + i, null));
                if (i % 100 == 0) {
                    System.out.printf("\r  building the long-lived aggregate: %d/%d events   ", i + 1, events);
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
            double oldP50 = Runner.Result.percentileMillis(old, 50);
            double oldP99 = Runner.Result.percentileMillis(old, 99);
            double freshP50 = Runner.Result.percentileMillis(fresh, 50);
            double freshP99 = Runner.Result.percentileMillis(fresh, 99);
            String text = """
                    ## A long-lived aggregate, on %s (issue 9, workload 5)

                    `bench/run.sh aggregate --db %s` — started %s; machine: %s; load average at start %s, at end %s
                    (shared machine). One thread through the gateway, %d samples, interleaved: a population update
                    on a community with %,d+ events, then one on a community with one event. The service as
                    configured (no snapshots, no aggregate cache). Database: %s.

                    | aggregate | p50 ms | p99 ms |
                    |---|---|---|
                    | fresh (1 event) | %.1f | %.1f |
                    | long-lived (%,d+ events) | %.1f | %.1f |
                    | ratio long-lived ÷ fresh (target ≤ 2) | **%.2f** | %.2f |
                    """.formatted(db.label(), db.name(), started, Results.machine(), loadStart,
                                  Results.loadAverage(), samples, events, db.describe(), freshP50, freshP99, events, oldP50, oldP99, oldP50 / freshP50, oldP99 / freshP99);
            System.out.print(text);
            Results.section(db.section("aggregate"), text);
            Results.csv("aggregate", "events,samples,fresh_p50_ms,fresh_p99_ms,long_p50_ms,long_p99_ms,ratio_p50",
                        List.of("%d,%d,%.2f,%.2f,%.2f,%.2f,%.2f".formatted(events, samples, freshP50, freshP99, oldP50,
                                                                        oldP99, oldP50 / freshP50)), db);
        }
    }

    private static void send(CommandGateway gateway, Object command) {
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(META));
    }
}
