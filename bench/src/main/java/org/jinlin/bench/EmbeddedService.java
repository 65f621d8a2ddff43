package org.jinlin.bench;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.jinlin.app.JinlinApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** The service in this JVM on a fresh data directory, as the embedded default runs it. */
final class EmbeddedService implements AutoCloseable {

    final ConfigurableApplicationContext context;
    final Path dataDir;

    private EmbeddedService(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
    }

    static EmbeddedService start(Path dataDir, Map<String, Object> extraProperties) {
        return start(dataDir, extraProperties, new Class<?>[0]);
    }

    /** With more configuration classes, e.g. one that replaces a bean. */
    static EmbeddedService start(Path dataDir, Map<String, Object> extraProperties, Class<?>... sources) {
        System.setProperty("disable-axoniq-console-message", "true");
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                "jinlin.data-dir", dataDir.toAbsolutePath().toString(),
                "server.port", "0",
                "jinlin.security.generate-admin-password", "false",
                "logging.level.root", "WARN"));
        properties.putAll(extraProperties);
        // Command-line arguments outrank application.yml; builder "properties" would not.
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                                       .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(JinlinApplication.class)
                .sources(sources).run(arguments);
        return new EmbeddedService(context, dataDir);
    }

    static void wipe(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    long storedEvents() {
        Long count = bean(JdbcTemplate.class).queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    /** Waits until every streaming processor has handled every stored event. */
    void awaitProjections() throws InterruptedException {
        JdbcTemplate jdbc = bean(JdbcTemplate.class);
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        if (head == null) {
            return;
        }
        EventProcessingConfiguration processing = bean(EventProcessingConfiguration.class);
        while (true) {
            boolean caughtUp = processing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance)
                    .map(StreamingEventProcessor.class::cast)
                    .allMatch(p -> !p.processingStatus().isEmpty() && p.processingStatus().values().stream()
                            .allMatch(s -> s.getCurrentPosition().orElse(-1) >= head));
            if (caughtUp) {
                return;
            }
            Thread.sleep(50);
        }
    }

    long fileBytes() {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(Files::isRegularFile).mapToLong(path -> {
                try {
                    return Files.size(path);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
