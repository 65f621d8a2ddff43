package org.jinlin.bench;

import org.axonframework.commandhandling.gateway.CommandGateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes on disk per stored event on the embedded H2 default with durability on ({@code WRITE_DELAY=0}): N
 * accepted commands from T threads, then the file size while the service runs, after a normal shutdown, and
 * after {@code SHUTDOWN COMPACT}.
 */
final class DiskUseBenchmark {

    private DiskUseBenchmark() {
    }

    static void run(Options options) throws Exception {
        int commands = options.integer("commands", 100_000);
        int threads = options.integer("threads", 4);
        Path out = Path.of(options.text("out", "bench/out"));
        Path dataDir = out.resolve("disk-h2");
        EmbeddedService.wipe(dataDir);
        Files.createDirectories(dataDir);

        String urlOverride = options.text("url", null);
        Map<String, Object> extra = urlOverride == null ? Map.of() : Map.of("spring.datasource.url", urlOverride);
        Instant started = Instant.now();
        long events;
        long runningBytes;
        long rejected;
        Duration loadTime;
        try (EmbeddedService service = EmbeddedService.start(dataDir, extra)) {
            CommandGateway gateway = service.bean(CommandGateway.class);
            AtomicLong remaining = new AtomicLong(commands);
            AtomicLong refused = new AtomicLong();
            List<Thread> workers = new ArrayList<>();
            Instant loadStart = Instant.now();
            for (int w = 0; w < threads; w++) {
                RegistryWorkload workload = new RegistryWorkload(w, 42);
                Thread worker = new Thread(() -> {
                    while (remaining.getAndDecrement() > 0) {
                        try {
                            gateway.sendAndWait(workload.next());
                        } catch (RuntimeException e) {
                            refused.incrementAndGet();
                        }
                    }
                }, "disk-bench-" + w);
                workers.add(worker);
                worker.start();
            }
            ProgressLine progress = new ProgressLine("commands", commands, () -> commands - Math.max(remaining.get(), 0));
            for (Thread worker : workers) {
                while (worker.isAlive()) {
                    progress.print();
                    worker.join(1000);
                }
            }
            progress.done();
            loadTime = Duration.between(loadStart, Instant.now());
            rejected = refused.get();
            service.awaitProjections();
            events = service.storedEvents();
            runningBytes = service.fileBytes();
            Thread.sleep(10_000);
            System.out.printf("10 s after the load: %,d bytes%n", service.fileBytes());
        }
        long closedBytes = sizeOf(dataDir);
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath() + "/jinlin", "sa", "")) {
            connection.createStatement().execute("SHUTDOWN COMPACT");
        }
        long compactedBytes = sizeOf(dataDir);

        String url = urlOverride == null ? "(application.yml default)" : urlOverride;
        String report = """
                disk use on embedded H2, %d commands from %d threads (%d refused), %d events stored, load %.1f s (%.0f commands/s)
                  url: %s
                  while running:      %,d bytes = %,.0f bytes/event
                  after shutdown:     %,d bytes = %,.0f bytes/event
                  after SHUTDOWN COMPACT: %,d bytes = %,.0f bytes/event
                """.formatted(commands, threads, rejected, events, loadTime.toMillis() / 1000.0,
                              commands * 1000.0 / loadTime.toMillis(), url,
                              runningBytes, (double) runningBytes / events,
                              closedBytes, (double) closedBytes / events,
                              compactedBytes, (double) compactedBytes / events);
        System.out.print(report);
        Path csv = out.resolve("disk.csv");
        if (!Files.exists(csv)) {
            Files.writeString(csv, "started,commands,threads,events,load_seconds,running_bytes_per_event,"
                                   + "closed_bytes_per_event,compacted_bytes_per_event,url\n");
        }
        Files.writeString(csv, "%s,%d,%d,%d,%.1f,%.0f,%.0f,%.0f,\"%s\"%n".formatted(
                started, commands, threads, events, loadTime.toMillis() / 1000.0, (double) runningBytes / events,
                (double) closedBytes / events, (double) compactedBytes / events, url), StandardOpenOption.APPEND);
    }

    private static long sizeOf(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
