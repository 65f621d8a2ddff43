package org.jinlin.app.audit;

import org.jinlin.query.audit.ChainVerifier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The offline audit: {@code java -jar jinlin-app-exec.jar verify --data ./data} (embedded store; stop the service
 * first, it holds the file) or {@code verify --url jdbc:postgresql://… --user … --password …}. Prints what it
 * found; exits 0 when every chain is intact, 1 when one is broken, 2 when the store cannot be read.
 */
public final class VerifyCommand {

    private VerifyCommand() {
    }

    public static int run(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String url = options.get("url");
        if (url == null) {
            Path data = Path.of(options.getOrDefault("data", "./data")).toAbsolutePath().normalize();
            if (!Files.exists(data.resolve("jinlin.mv.db"))) {
                System.err.println("No embedded store at " + data + " (expected jinlin.mv.db); use --data DIR or --url");
                return 2;
            }
            url = "jdbc:h2:file:" + data.resolve("jinlin") + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE";
        }
        try (Connection connection = DriverManager.getConnection(url, options.getOrDefault("user", "sa"),
                                                                 options.getOrDefault("password", ""))) {
            ChainVerifier.Report report = new ChainVerifier().verify(connection, options.get("aggregate"));
            System.out.printf("Checked %,d events in %,d streams in %,d ms.%n", report.eventsChecked(),
                              report.streamsChecked(), report.millis());
            if (report.intact()) {
                System.out.println("Every hash chain is intact.");
                return 0;
            }
            System.out.printf("%,d events break their chain. First:%n", report.brokenEvents());
            for (ChainVerifier.Break broken : report.broken()) {
                System.out.printf("  stream %s, event %d (global index %d): %s%n", broken.aggregateId(),
                                  broken.sequenceNumber(), broken.globalIndex(), broken.problem());
            }
            return 1;
        } catch (SQLException e) {
            System.err.println("Cannot read the event store: " + e.getMessage()
                               + (e.getMessage() != null && e.getMessage().contains("locked")
                                  ? " (stop the service first, or use GET /api/audit/verify)" : ""));
            return 2;
        }
    }
}
