package org.jinlin.app.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Progress on the console: on a terminal one line redrawn in place (carriage return) with a bar, done/total,
 * the rate and the time to go; otherwise (output to a file or a pipe) a plain line every ten seconds.
 */
final class ProgressBar {

    private static final int WIDTH = 28;

    private final PrintStream out;
    private final boolean terminal;
    private final String unit;
    private final long total;
    private final AtomicLong done;
    private final Supplier<String> stage;
    private final long start = System.nanoTime();
    private final long everyNanos;
    private long lastPrinted;
    private int lastLength;

    ProgressBar(PrintStream out, boolean terminal, String unit, long total, AtomicLong done, Supplier<String> stage) {
        this.out = out;
        this.terminal = terminal;
        this.unit = unit;
        this.total = Math.max(1, total);
        this.done = done;
        this.stage = stage;
        this.everyNanos = terminal ? 250_000_000L : 10_000_000_000L;
        this.lastPrinted = start;
    }

    /** Prints when it is time to: several times a second on a terminal, every ten seconds otherwise. */
    synchronized void tick() {
        long now = System.nanoTime();
        if (now - lastPrinted >= everyNanos) {
            lastPrinted = now;
            print(now);
        }
    }

    /** The final state, and a line break on a terminal. */
    synchronized void finish() {
        print(System.nanoTime());
        if (terminal) {
            out.println();
        }
        out.flush();
    }

    double rate() {
        double seconds = (System.nanoTime() - start) / 1e9;
        return seconds > 0 ? done.get() / seconds : 0;
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    String line(long nanosNow) {
        long count = Math.min(done.get(), total);
        double seconds = (nanosNow - start) / 1e9;
        double rate = seconds > 0 ? count / seconds : 0;
        String eta = rate > 0 ? duration(Math.round((total - count) / rate)) : "?";
        int percent = (int) (100 * count / total);
        int filled = (int) (WIDTH * count / total);
        return String.format("demo data %3d%% [%s%s] %,d/%,d %s  %,.0f/s  ETA %s  %s", percent, "#".repeat(filled),
                             ".".repeat(WIDTH - filled), count, total, unit, rate, eta, stage.get());
    }

    private void print(long now) {
        String line = line(now);
        if (terminal) {
            // Pad over the remains of a longer previous line.
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    static String duration(long seconds) {
        if (seconds >= 3600) {
            return String.format("%dh%02dm", seconds / 3600, seconds % 3600 / 60);
        }
        if (seconds >= 60) {
            return String.format("%dm%02ds", seconds / 60, seconds % 60);
        }
        return seconds + "s";
    }
}
