package org.jinlin.bench;

import java.util.Arrays;

/** Entry point of the benchmark jar: {@code java -jar bench/target/jinlin-bench.jar <benchmark> [options]}. */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.out.println("usage: java -jar jinlin-bench.jar disk|load|throughput|all [--name value ...] (see bench/README.md)");
            System.exit(2);
        }
        String[] options = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "disk" -> DiskUseBenchmark.run(Options.parse(options));
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
                DiskUseBenchmark.run(all);
            }
            default -> {
                System.out.println("unknown benchmark " + args[0]);
                System.exit(2);
            }
        }
        System.exit(0);
    }
}
