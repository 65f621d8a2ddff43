package org.jinlin.bench;

import org.jinlin.app.security.UserAdministration;
import org.jinlin.app.security.UserAdministration.NewUser;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Load: C concurrent HTTP clients (32) for D seconds (60) after a warm-up on the mixed workload with reads,
 * against the service running in this JVM on a fresh embedded H2 data directory or, with {@code --db postgres}, a
 * freshly created PostgreSQL database. Afterwards: no 5xx, every acknowledged write (aggregate id and version) is in
 * the event store, every stream is gapless from sequence 0, and the hash chain verifies.
 */
final class LoadBenchmark {

    static final String PASSWORD = "bench-password-1";

    private LoadBenchmark() {
    }

    static void run(Options options) throws Exception {
        int clients = options.integer("clients", 32);
        int seconds = options.integer("seconds", 60);
        int warmup = options.integer("warmup", 15);
        int bcrypt = options.integer("bcrypt", 4);
        Database db = Database.from(options);
        Path dataDir = Path.of(options.text("out", "bench/out")).resolve("load-" + db.name());
        EmbeddedService.wipe(dataDir);
        Files.createDirectories(dataDir);
        String loadBefore = Results.loadAverage();
        Instant started = Instant.now();
        String run = "L";
        Map<String, Object> properties = new HashMap<>(db.serviceProperties("load", true));
        properties.put("jinlin.security.bcrypt-strength", String.valueOf(bcrypt));
        properties.put("jinlin.h2.checkpoint-processor-commits", options.text("checkpoint-processor-commits", "false"));
        try (EmbeddedService service = EmbeddedService.start(dataDir, properties)) {
            createUsers(service, run, clients);
            int port = ((WebServerApplicationContext) service.context).getWebServer().getPort();
            HttpDriver http = new HttpDriver(port, PASSWORD);
            Driver.Answer policy = http.send(MixedWorkload.cityPolicy());
            if (policy.error() != null) {
                throw new IllegalStateException(policy.error());
            }
            System.out.printf("load: %d HTTP clients, %d s warm-up + %d s measured, bcrypt cost %d%n",
                              clients, warmup, seconds, bcrypt);
            Runner.Result result = Runner.run(clients, warmup, seconds,
                                              w -> new MixedWorkload(w, run, true, 42), http);
            Verification check = verify(service, result.acks);
            Driver.Answer chain = http.send(new Op("verify", MixedWorkload.AUDITOR, "GET", "/api/audit/verify", null,
                                                   null, Map.of(), null));
            String chainText = chain.error() == null ? "verified (200)" : chain.error();
            String loadAfter = Results.loadAverage();
            report(db, options, started, clients, warmup, seconds, bcrypt, result, check, chainText, loadBefore,
                   loadAfter);
        }
    }

    static void createUsers(EmbeddedService service, String run, int workers) {
        UserAdministration users = service.bean(UserAdministration.class);
        create(users, MixedWorkload.REGISTRAR, "REGISTRAR", null);
        create(users, MixedWorkload.COORDINATOR, "COORDINATOR", null);
        create(users, MixedWorkload.AUDITOR, "AUDITOR", null);
        for (int w = 0; w < workers; w++) {
            create(users, MixedWorkload.mediatorUser(run, w), "MEDIATOR", "BM-" + run + "-" + w);
        }
    }

    private static void create(UserAdministration users, String name, String role, String mediatorId) {
        if (!users.exists(name)) {
            users.create(new NewUser(name, PASSWORD, List.of(role), mediatorId, null));
        }
    }

    record Verification(long acknowledged, long missing, long streams, long gappedStreams, long storedEvents,
                        List<String> examples) {
    }

    /** Every acknowledged (id, version) is stored; every stream holds sequences 0..max without a hole. */
    static Verification verify(EmbeddedService service, List<Runner.Ack> acks) {
        JdbcTemplate jdbc = service.bean(JdbcTemplate.class);
        Map<String, Set<Long>> stored = new HashMap<>();
        jdbc.query("select aggregate_identifier, sequence_number from domain_event_entry", row -> {
            stored.computeIfAbsent(row.getString(1), k -> new HashSet<>()).add(row.getLong(2));
        });
        long missing = 0;
        List<String> examples = new java.util.ArrayList<>();
        for (Runner.Ack ack : acks) {
            Set<Long> sequences = stored.get(ack.id());
            if (sequences == null || !sequences.contains(ack.version())) {
                missing++;
                if (examples.size() < 5) {
                    examples.add("lost: " + ack.id() + " v" + ack.version());
                }
            }
        }
        long gapped = 0;
        long events = 0;
        for (Map.Entry<String, Set<Long>> stream : stored.entrySet()) {
            Set<Long> sequences = stream.getValue();
            events += sequences.size();
            long max = sequences.stream().mapToLong(Long::longValue).max().orElse(-1);
            if (max + 1 != sequences.size()) {
                gapped++;
                if (examples.size() < 10) {
                    examples.add("gap: " + stream.getKey() + " has " + sequences.size() + " events up to " + max);
                }
            }
        }
        return new Verification(acks.size(), missing, stored.size(), gapped, events, examples);
    }

    private static void report(Database db, Options options, Instant started, int clients, int warmup, int seconds,
                               int bcrypt, Runner.Result r, Verification v, String chain, String loadBefore, String loadAfter)
            throws Exception {
        double p50 = Runner.Result.percentileMillis(r.writeNanos, 50);
        double p99 = Runner.Result.percentileMillis(r.writeNanos, 99);
        double max = Runner.Result.percentileMillis(r.writeNanos, 100);
        double rp50 = Runner.Result.percentileMillis(r.readNanos, 50);
        double rp99 = Runner.Result.percentileMillis(r.readNanos, 99);
        double rmax = Runner.Result.percentileMillis(r.readNanos, 100);
        boolean passed = r.serverErrors() == 0 && v.missing() == 0 && v.gappedStreams() == 0 && r.errorCount == 0
                         && chain.startsWith("verified");
        String text = """
                load: %d clients, %d s measured after %d s warm-up — %s
                  commands: %,d in window = %,.0f commands/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms
                  reads:    %,d in window = %,.0f reads/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms
                  statuses (whole run incl. set-up and warm-up): %s; 5xx: %d; other refusals: %d
                  acknowledged writes: %,d; lost: %d; streams: %,d, with a gap: %d; stored events: %,d; hash chain: %s
                """.formatted(clients, seconds, warmup, passed ? "PASSED" : "FAILED", r.writeNanos.length,
                              r.writesPerSecond(), p50, p99, max, r.readNanos.length, r.readsPerSecond(), rp50, rp99,
                              rmax, new java.util.TreeMap<>(r.statuses), r.serverErrors(), r.errorCount,
                              v.acknowledged(), v.missing(), v.streams(), v.gappedStreams(), v.storedEvents(), chain);
        System.out.print(text);
        r.errors.forEach(e -> System.out.println("  error: " + e));
        v.examples().forEach(e -> System.out.println("  " + e));
        Results.csv("load", "clients,seconds,warmup,bcrypt_cost,commands,commands_per_s,p50_ms,p99_ms,max_ms,reads,"
                            + "reads_per_s,read_p50_ms,read_p99_ms,read_max_ms,status_5xx,refusals,acknowledged,lost,"
                            + "gapped_streams,stored_events,passed",
                    List.of("%d,%d,%d,%d,%d,%.1f,%.2f,%.2f,%.2f,%d,%.1f,%.2f,%.2f,%.2f,%d,%d,%d,%d,%d,%d,%s".formatted(
                            clients, seconds, warmup, bcrypt, r.writeNanos.length, r.writesPerSecond(), p50, p99, max,
                            r.readNanos.length, r.readsPerSecond(), rp50, rp99, rmax, r.serverErrors(), r.errorCount,
                            v.acknowledged(), v.missing(), v.gappedStreams(), v.storedEvents(), passed)), db);
        Results.section(db.section("load"), """
                ## Load: %d concurrent HTTP clients for %d s, on %s (issue 10)

                `bench/run.sh load --db %s` — started %s; machine: %s; load average at start %s, at end %s (the
                machine was shared with other builds). Service in the benchmark's JVM on %s; clients over
                HTTP/1.1 on loopback with HTTP Basic;
                the benchmark users' passwords are bcrypt cost %d (see "Password hashing" below). Mixed workload
                with 20 %% reads (see bench/README.md); %d s warm-up, then %d s measured.

                | result | value |
                |---|---|
                | verdict | **%s** |
                | commands in the window | %,d = **%,.0f commands/s** |
                | command latency p50 / p99 / max | %.1f / **%.1f** / %.1f ms |
                | reads in the window | %,d = %,.0f reads/s |
                | read latency p50 / p99 / max | %.1f / %.1f / %.1f ms |
                | HTTP statuses, whole run | %s |
                | 5xx answers | %d |
                | acknowledged writes checked against the store | %,d, lost **%d** |
                | streams / with a gap | %,d / %d |
                | hash chain (`GET /api/audit/verify`) | %s |
                | event processors' commits | %s |
                """.formatted(clients, seconds, db.label(), db.name(), started, Results.machine(), loadBefore,
                              loadAfter, db.postgres() ? "a freshly created database: " + db.describe()
                                      : "a fresh embedded H2 directory (application.yml defaults, durable commits)",
                              bcrypt, warmup,
                              seconds, passed ? "passed: no 5xx, no lost write, no gap" : "FAILED",
                              r.writeNanos.length, r.writesPerSecond(), p50, p99, max, r.readNanos.length,
                              r.readsPerSecond(), rp50, rp99, rmax, new java.util.TreeMap<>(r.statuses),
                              r.serverErrors(), v.acknowledged(), v.missing(), v.streams(), v.gappedStreams(), chain,
                              db.postgres() ? "durable by PostgreSQL like every commit (no H2 write delay)"
                              : Boolean.parseBoolean(options.text("checkpoint-processor-commits", "false"))
                                      ? "checkpointed like every commit (`--checkpoint-processor-commits true`)"
                                      : "without a checkpoint each; each waits until the commits it read are"
                                        + " checkpointed (the default)"));
    }
}
