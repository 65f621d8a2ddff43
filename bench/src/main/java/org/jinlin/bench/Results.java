package org.jinlin.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Writes a benchmark's section of bench/RESULTS.md and appends its rows to a CSV in bench/. */
final class Results {

    static final Path DIR = Path.of("bench");
    static final Path MARKDOWN = DIR.resolve("RESULTS.md");

    private Results() {
    }

    /** nproc, CPU model, RAM, JVM and its heap limit. */
    static String machine() {
        String cpu = "?";
        String ram = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                       .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
            ram = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                       .findFirst().map(l -> {
                           long kb = Long.parseLong(l.replaceAll("\\D", ""));
                           return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
                       }).orElse("?");
        } catch (IOException ignored) {
            // not Linux: leave unknown
        }
        return "%d CPUs (nproc), %s, %s RAM, Java %s (%s), -Xmx %d MiB".formatted(
                Runtime.getRuntime().availableProcessors(), cpu, ram, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().maxMemory() / 1024 / 1024);
    }

    /** The 1, 5 and 15 minute load averages, as {@code uptime} prints them. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /**
     * Replaces the section between {@code <!-- name -->} and {@code <!-- /name -->}; a new one goes right after the
     * section of the same benchmark on another database ({@code throughput-postgres} after {@code throughput}), or
     * at the end.
     */
    static synchronized void section(String name, String markdown) throws IOException {
        String begin = "<!-- " + name + " -->";
        String end = "<!-- /" + name + " -->";
        String text = Files.exists(MARKDOWN) ? Files.readString(MARKDOWN) : "# Benchmark results\n\n";
        String block = begin + "\n" + markdown.strip() + "\n" + end;
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from >= 0 && to > from) {
            text = text.substring(0, from) + block + text.substring(to + end.length());
        } else {
            String sibling = "<!-- /" + name.replaceFirst("-[a-z0-9]+$", "") + " -->";
            int after = name.contains("-") ? text.indexOf(sibling) : -1;
            text = after >= 0
                    ? text.substring(0, after + sibling.length()) + "\n\n" + block + text.substring(after + sibling.length())
                    : text.stripTrailing() + "\n\n" + block + "\n";
        }
        Files.writeString(MARKDOWN, text);
        System.out.println("wrote " + MARKDOWN + " (" + name + ")");
    }

    /**
     * Appends rows to bench/{name}.csv, writing the header first when the file is new, each row ending in the
     * database it ran on (column {@code db}). A file from before that column gets it added to its header; its older
     * rows end one column early, which readers take as {@code h2}, the only database those rows ran on.
     */
    static synchronized void csv(String name, String header, List<String> rows, Database db) throws IOException {
        Path file = DIR.resolve(name + ".csv");
        String fullHeader = "recorded," + header + ",db";
        if (!Files.exists(file)) {
            Files.writeString(file, fullHeader + "\n");
        } else {
            String text = Files.readString(file);
            int endOfHeader = text.indexOf('\n');
            String oldHeader = endOfHeader < 0 ? text : text.substring(0, endOfHeader);
            if (!oldHeader.endsWith(",db")) {
                Files.writeString(file, oldHeader + ",db" + (endOfHeader < 0 ? "\n" : text.substring(endOfHeader)));
            }
        }
        String now = Instant.now().toString();
        StringBuilder lines = new StringBuilder();
        rows.forEach(row -> lines.append(now).append(',').append(row).append(',').append(db.name()).append('\n'));
        Files.writeString(file, lines, StandardOpenOption.APPEND);
    }

    /** The median of one figure over runs. */
    static <T> double median(List<T> runs, ToDoubleFunction<T> figure) {
        return median(runs.stream().mapToDouble(figure).toArray());
    }

    static double median(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
