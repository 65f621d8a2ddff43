package org.jinlin.app.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code java -jar jinlin-app-exec.jar restore --backup data/backups/jinlin-….zip --data ./data}: puts a backup
 * back in place of the embedded database (stop the service first). Exit 0 on success, 2 otherwise.
 */
public final class RestoreCommand {

    private RestoreCommand() {
    }

    public static int run(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String backup = options.get("backup");
        if (backup == null || !Files.isRegularFile(Path.of(backup))) {
            System.err.println("usage: restore --backup FILE.zip [--data DIR]  (the backup file must exist)");
            return 2;
        }
        Path data = Path.of(options.getOrDefault("data", "./data")).toAbsolutePath().normalize();
        try {
            Files.deleteIfExists(data.resolve("jinlin.trace.db"));
            Backups.restore(Path.of(backup), data);
            System.out.println("Restored " + backup + " into " + data
                               + ". Start the service; then check the store with: verify --data " + data);
            return 0;
        } catch (IOException e) {
            System.err.println("Restore failed: " + e.getMessage());
            return 2;
        }
    }
}
