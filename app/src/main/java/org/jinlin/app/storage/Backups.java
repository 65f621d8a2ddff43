package org.jinlin.app.storage;

import org.jinlin.kernel.RuleViolation;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Online backups of the embedded store: H2's {@code BACKUP TO} writes a consistent zip of the database while the
 * service keeps running. Restoring is offline ({@code java -jar … restore --backup FILE --data DIR}). On
 * PostgreSQL use {@code pg_dump} / {@code pg_restore} (docs/operations.md).
 */
@Component
public class Backups {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final boolean embedded;
    private final Path directory;

    public Backups(JdbcTemplate jdbc, Clock clock, Environment environment) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.embedded = environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:file:");
        this.directory = Path.of(environment.getProperty("jinlin.data-dir", "./data"), "backups");
    }

    public record Backup(String file, long bytes) {
    }

    public Backup backUp() {
        if (!embedded) {
            throw new RuleViolation("online backups through the service are for the embedded store; back up "
                                    + "PostgreSQL with pg_dump (see docs/operations.md)");
        }
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve("jinlin-" + STAMP.format(clock.instant()) + ".zip").toAbsolutePath();
            jdbc.execute("BACKUP TO '" + file.toString().replace("'", "''") + "'");
            return new Backup(file.toString(), Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the database files in {@code dataDir} with those of a backup; the service must be stopped. */
    public static void restore(Path backup, Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        try (InputStream in = Files.newInputStream(backup); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = dataDir.resolve(Path.of(entry.getName()).getFileName().toString());
                if (!target.normalize().startsWith(dataDir.normalize())) {
                    throw new IOException("unexpected entry " + entry.getName() + " in " + backup);
                }
                Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
