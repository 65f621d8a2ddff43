package org.jinlin.bench;

import java.util.Arrays;

/** Entry point of the benchmark jar: {@code java -jar bench/target/jinlin-bench.jar <benchmark> [options]}. */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.out.println("usage: java -jar jinlin-bench.jar load|throughput|province|aggregate|disk|all [--db h2|postgres] [--name value ...] (see bench/README.md)");
            System.exit(2);
        }
        String[] options = Arrays.copyOfRange(args, 1, args.length);
        try {
            run(args[0], options);
        } catch (Database.CannotRun e) {
            System.out.println(e.getMessage());
            System.exit(2);
        }
        System.exit(0);
    }

    private static void run(String benchmark, String[] options) throws Exception {
        switch (benchmark) {
            case "disk" -> {
                if (!Options.parse(options).text("db", "h2").equalsIgnoreCase("h2")) {
                    System.out.println("disk measures the embedded H2 file; it has no --db postgres");
                    System.exit(2);
                }
                DiskUseBenchmark.run(Options.parse(options));
            }
            case "load" -> LoadBenchmark.run(Options.parse(options));
            case "throughput" -> ThroughputBenchmark.run(Options.parse(options));
            case "province" -> ProvinceBenchmark.run(Options.parse(options));
            case "aggregate" -> AggregateBenchmark.run(Options.parse(options));
            case "all" -> {
                // Options given here apply to every benchmark that knows them (e.g. --seconds, --scale).
                Options all = Options.parse(options);
                LoadBenchmark.run(all);
                ThroughputBenchmark.run(all);
                ProvinceBenchmark.run(all);
                AggregateBenchmark.run(all);
                if (all.text("db", "h2").equalsIgnoreCase("h2")) {
                    DiskUseBenchmark.run(all); // the embedded H2 file's size: nothing to measure on PostgreSQL
                }
            }
            default -> {
                System.out.println("unknown benchmark " + benchmark);
                System.exit(2);
            }
        }
    }
}
