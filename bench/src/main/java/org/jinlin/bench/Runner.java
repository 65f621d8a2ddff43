package org.jinlin.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Runs a workload from T threads: each thread first sends its setup, then all warm up together for W seconds, then
 * measure for D seconds. Every acknowledged write is kept (id and version), every status counted.
 */
final class Runner {

    /** A source of operations for one thread. */
    interface Workload {
        List<Op> setup();

        Op next();

        /** Told every answer, e.g. to read one's own writes with {@code consistentWith}. */
        default void answered(Op op, Driver.Answer answer) {
        }
    }

    record Ack(String id, long version) {
    }

    static final class Result {
        final int threads;
        final double seconds;
        final long[] writeNanos;
        final long[] readNanos;
        final Map<Integer, AtomicLong> statuses;
        final List<Ack> acks;
        final List<String> errors;
        final long errorCount;

        Result(int threads, double seconds, long[] writeNanos, long[] readNanos, Map<Integer, AtomicLong> statuses,
               List<Ack> acks, List<String> errors, long errorCount) {
            this.threads = threads;
            this.seconds = seconds;
            this.writeNanos = writeNanos;
            this.readNanos = readNanos;
            this.statuses = statuses;
            this.acks = acks;
            this.errors = errors;
            this.errorCount = errorCount;
        }

        double writesPerSecond() {
            return writeNanos.length / seconds;
        }

        double readsPerSecond() {
            return readNanos.length / seconds;
        }

        long serverErrors() {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(e -> e.getValue().get()).sum();
        }

        static double percentileMillis(long[] sorted, double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }

    private static final class LongList {
        long[] values = new long[1024];
        int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }

    private Runner() {
    }

    static Result run(int threads, int warmupSeconds, int seconds, IntFunction<Workload> workloads, Driver driver)
            throws Exception {
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicLong errorCount = new AtomicLong();
        AtomicLong measured = new AtomicLong();
        CyclicBarrier ready = new CyclicBarrier(threads + 1);
        long[] window = new long[2];
        List<LongList> writes = new ArrayList<>();
        List<LongList> reads = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Workload workload = workloads.apply(t);
            LongList writeNanos = new LongList();
            LongList readNanos = new LongList();
            writes.add(writeNanos);
            reads.add(readNanos);
            Thread worker = new Thread(() -> {
                try {
                    for (Op op : workload.setup()) {
                        record(driver.send(op), statuses, acks, errors, errorCount);
                    }
                    ready.await();
                    ready.await();
                    long start = window[0];
                    long end = window[1];
                    while (true) {
                        Op op = workload.next();
                        long before = System.nanoTime();
                        if (before >= end) {
                            break;
                        }
                        Driver.Answer answer = driver.send(op);
                        long after = System.nanoTime();
                        record(answer, statuses, acks, errors, errorCount);
                        workload.answered(op, answer);
                        if (before >= start && after <= end) {
                            (op.isRead() ? readNanos : writeNanos).add(after - before);
                            measured.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    errors.add("worker failed: " + e);
                    errorCount.incrementAndGet();
                }
            }, "bench-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        ready.await();
        long now = System.nanoTime();
        window[0] = now + warmupSeconds * 1_000_000_000L;
        window[1] = window[0] + seconds * 1_000_000_000L;
        ready.await();
        long total = (long) (warmupSeconds + seconds);
        ProgressLine progress = new ProgressLine("s", total, () -> Math.max(0, (System.nanoTime() - now) / 1_000_000_000L));
        for (Thread worker : workers) {
            while (worker.isAlive()) {
                progress.print();
                worker.join(1000);
            }
        }
        progress.done();
        return new Result(threads, seconds, merge(writes), merge(reads), statuses, new ArrayList<>(acks),
                          new ArrayList<>(errors), errorCount.get());
    }

    private static void record(Driver.Answer answer, Map<Integer, AtomicLong> statuses, ConcurrentLinkedQueue<Ack> acks,
                               ConcurrentLinkedQueue<String> errors, AtomicLong errorCount) {
        statuses.computeIfAbsent(answer.status(), s -> new AtomicLong()).incrementAndGet();
        if (answer.error() != null) {
            if (errorCount.incrementAndGet() <= 20) {
                errors.add(answer.error());
            }
        } else if (answer.id() != null) {
            acks.add(new Ack(answer.id(), answer.version()));
        }
    }

    private static long[] merge(List<LongList> lists) {
        long[] all = new long[lists.stream().mapToInt(l -> l.size).sum()];
        int at = 0;
        for (LongList list : lists) {
            System.arraycopy(list.values, 0, all, at, list.size);
            at += list.size;
        }
        Arrays.sort(all);
        return all;
    }
}
