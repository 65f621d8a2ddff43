package org.jinlin.bench;

import java.util.function.LongSupplier;

/** A one-line console progress bar with rate and time to go. */
final class ProgressLine {

    private final String unit;
    private final long total;
    private final LongSupplier done;
    private final long start = System.nanoTime();

    ProgressLine(String unit, long total, LongSupplier done) {
        this.unit = unit;
        this.total = total;
        this.done = done;
    }

    void print() {
        long now = done.getAsLong();
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = seconds > 0 ? now / seconds : 0;
        long eta = rate > 0 ? Math.round((total - now) / rate) : -1;
        int width = 30;
        int filled = (int) (width * Math.min(1.0, (double) now / total));
        System.out.printf("\r[%s%s] %,d/%,d %s  %,.0f/s  ETA %s   ", "#".repeat(filled), ".".repeat(width - filled),
                          now, total, unit, rate, eta < 0 ? "?" : eta + " s");
        System.out.flush();
    }

    void done() {
        print();
        System.out.println();
    }
}
