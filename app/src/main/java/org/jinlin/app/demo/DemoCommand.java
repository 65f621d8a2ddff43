package org.jinlin.app.demo;

import org.jinlin.app.JinlinApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar jinlin-app-exec.jar demo --seed 42 --scale province --data ./data}: generates the demo data
 * (profile {@code demo}: demo users, then the data through the real commands) into a data directory, waits for the
 * read models, and exits: 0 when generated or when the store already held data, 1 when commands were refused,
 * 2 on a usage error. Sizes: {@code --scale quick|full|province} (default quick), {@code --factor X} multiplying
 * the scale, each size overridable with {@code --communities},
 * {@code --mediators}, {@code --households}, {@code --disputes}; {@code --threads} client threads;
 * {@code --profiles postgres} to generate into PostgreSQL (configured as for the service).
 */
public final class DemoCommand {

    private static final Set<String> OPTIONS = Set.of("seed", "scale", "factor", "data", "communities", "mediators",
                                                      "households", "disputes", "threads", "profiles");
    private static final String USAGE = """
            usage: demo [--seed N] [--scale quick|full|province] [--factor X] [--data DIR] [--communities N]
                        [--mediators N] [--households N] [--disputes N] [--threads N] [--profiles postgres]""";

    private DemoCommand() {
    }

    public static int run(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            String name = args[i].replaceFirst("^--", "");
            if (!OPTIONS.contains(name) || i + 1 >= args.length) {
                System.err.println((OPTIONS.contains(name) ? "missing value for " : "unknown option ") + args[i]);
                System.err.println(USAGE);
                return 2;
            }
            options.put(name, args[i + 1]);
        }
        DemoSizes sizes;
        try {
            sizes = DemoSizes.preset(options.get("scale")).times(factor(options))
                             .with(number(options, "communities"), number(options, "mediators"),
                                   number(options, "households"), number(options, "disputes"));
            number(options, "seed");
            number(options, "threads");
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.profiles.active=demo" + (options.containsKey("profiles") ? "," + options.get("profiles") : ""),
                // The web layer stays (security is built on it) but listens only on a free loopback port.
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--jinlin.demo.background=false",
                // A bulk load: H2 writes within its write delay instead of at each commit, and everything at the
                // end. Interrupted, the directory holds part of the data; delete it and start again.
                "--jinlin.h2.checkpoint-each-commit=false",
                "--jinlin.demo.seed=" + options.getOrDefault("seed", "42"),
                "--jinlin.demo.communities=" + sizes.communities(),
                "--jinlin.demo.mediators=" + sizes.mediators(),
                "--jinlin.demo.households=" + sizes.households(),
                "--jinlin.demo.disputes=" + sizes.disputes()));
        if (options.containsKey("threads")) {
            arguments.add("--jinlin.demo.threads=" + options.get("threads"));
        }
        if (options.containsKey("data")) {
            arguments.add("--jinlin.data-dir=" + Path.of(options.get("data")).toAbsolutePath().normalize());
        }
        System.setProperty("disable-axoniq-console-message", "true");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(JinlinApplication.class)
                .run(arguments.toArray(String[]::new))) {
            DemoDataGenerator.Report report = context.getBean(DemoDataGenerator.class).lastReport();
            return report != null && (report.outcome() == DemoDataGenerator.Outcome.GENERATED
                                      || report.outcome() == DemoDataGenerator.Outcome.SKIPPED) ? 0 : 1;
        }
    }

    private static double factor(Map<String, String> options) {
        String value = options.getOrDefault("factor", "1");
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--factor must be a positive number, got '" + value + "'");
        }
    }

    private static Integer number(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            return null;
        }
        try {
            long parsed = Long.parseLong(value.replace("_", ""));
            if (parsed < 0 || parsed > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return (int) parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number from 0, got '" + value + "'");
        }
    }
}
