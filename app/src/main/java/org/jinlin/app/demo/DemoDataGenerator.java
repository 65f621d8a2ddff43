package org.jinlin.app.demo;

import jakarta.annotation.PreDestroy;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jinlin.app.security.ActingAs;
import org.jinlin.kernel.community.CommunityCommands.AddCompound;
import org.jinlin.kernel.community.CommunityCommands.FlagDisputeProminent;
import org.jinlin.kernel.community.CommunityCommands.RegisterCommunity;
import org.jinlin.kernel.mediator.MediatorCommands.AppointMediator;
import org.jinlin.kernel.mediator.MediatorCommands.RegisterMediator;
import org.jinlin.kernel.policy.CityPolicyCommands.SetCityPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Generates the demo data set through the real commands: every record is created by a command sent through
 * Axon's command gateway by a user in the role that may send it, as the HTTP layer would send it, so every rule
 * is checked and every event is hash-chained and encrypted as in real use. Nothing is written into a table
 * directly. The data are planned from a seed before they are sent, so one seed always gives the same records
 * (on the same day: ages, and with them some categories, are counted from the day of generation). Several client
 * threads send the commands; one aggregate's commands are always sent in order by one thread.
 *
 * <p>It generates only into an empty event store: with any event stored, it does nothing.
 */
@Component
public class DemoDataGenerator {

    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int FAILURES_SHOWN = 5;
    /** When the places, city policies and mediators of the data set are recorded: before its first dispute. */
    static final Instant SET_UP = LocalDate.of(2020, 12, 1).atTime(9, 0).atZone(CHINA).toInstant();

    public enum Outcome {
        /** Every planned command was sent and accepted. */
        GENERATED,
        /** The store held events already: nothing was sent. */
        SKIPPED,
        /** Some commands were refused: a fault of the generator, named in {@link Report#failures()}. */
        FAILED,
        /** The service stopped before the end. */
        STOPPED
    }

    /** What a run did: the commands accepted and refused, the time it took. */
    public record Report(Outcome outcome, long commands, long refused, List<String> failures, Duration took) {

        public double commandsPerSecond() {
            double seconds = took.toMillis() / 1000.0;
            return seconds > 0 ? commands / seconds : 0;
        }
    }

    private final CommandGateway commands;
    private final EventStore events;
    private final EventProcessingConfiguration processing;
    private final Clock clock;
    private final AtomicReference<Report> lastReport = new AtomicReference<>();
    private volatile boolean running;
    private volatile boolean stopped;
    private volatile ExecutorService pool;

    DemoDataGenerator(CommandGateway commands, EventStore events, EventProcessingConfiguration processing,
                      Clock clock) {
        this.commands = commands;
        this.events = events;
        this.processing = processing;
        this.clock = clock;
    }

    /** The mediator id the demo user {@code mediator} acts as, for this seed and these sizes. */
    public static String demoMediatorId(long seed, DemoSizes sizes) {
        return DemoWorld.plan(seed, sizes).demoMediatorId;
    }

    public boolean running() {
        return running;
    }

    /** The report of the last run, or null while none has finished. */
    public Report lastReport() {
        return lastReport.get();
    }

    /** Generates the data set, or does nothing when the store holds events; returns when done. */
    public Report generate(long seed, DemoSizes sizes, int threads, PrintStream console) {
        running = true;
        try {
            Report report = run(seed, sizes, Math.max(1, threads), console);
            lastReport.set(report);
            return report;
        } finally {
            running = false;
        }
    }

    private Report run(long seed, DemoSizes sizes, int threads, PrintStream console) {
        long start = System.nanoTime();
        if (events.createHeadToken() != null) {
            console.println("近邻 Jinlin demo data: the event store already holds events, so no demo data is "
                            + "generated (it is generated only into an empty store).");
            return new Report(Outcome.SKIPPED, 0, 0, List.of(), Duration.ZERO);
        }
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        DemoWorld world = DemoWorld.plan(seed, sizes);
        List<Phase> phases = phases(world, seed, sizes, today);
        long total = 0;
        for (Phase phase : phases) {
            for (Iterator<List<Step>> units = phase.units().get(); units.hasNext(); ) {
                total += units.next().size();
            }
        }
        console.printf("近邻 Jinlin demo data (seed %d): %s; %,d commands from %d client threads.%n", seed, sizes,
                       total, threads);
        AtomicLong done = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<String> stage = new AtomicReference<>("");
        ProgressBar progress = new ProgressBar(console, System.console() != null, "commands", total, done,
                                               stage::get);
        ExecutorService workers = Executors.newFixedThreadPool(threads, named());
        pool = workers;
        Sending parallel = new Sending(workers, threads * 4, done, accepted, refused, failures, progress);
        Sending oneByOne = new Sending(workers, 1, done, accepted, refused, failures, progress);
        try {
            for (Phase phase : phases) {
                stage.set(phase.name());
                Sending sending = phase.recordedInThePast() ? oneByOne : parallel;
                if (phase.dated()) {
                    sendDayByDay(phase.units().get(), sending, month -> stage.set(phase.name() + " " + month));
                } else {
                    for (Iterator<List<Step>> units = phase.units().get(); units.hasNext() && !stopped; ) {
                        sending.submit(units.next(), phase.at(), null);
                    }
                }
                // Later phases rely on earlier ones (a dispute's mediator must hold an appointment): wait for all.
                sending.awaitAll();
            }
        } finally {
            workers.shutdown();
            pool = null;
        }
        progress.finish();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Outcome outcome = stopped ? Outcome.STOPPED : refused.get() > 0 ? Outcome.FAILED : Outcome.GENERATED;
        Report report = new Report(outcome, accepted.get(), refused.get(), List.copyOf(failures), took);
        console.printf("近邻 Jinlin demo data %s: %,d commands accepted, %,d refused, in %s (%,.0f commands/s).%n",
                       outcome == Outcome.GENERATED ? "generated" : outcome.name().toLowerCase(), report.commands(),
                       report.refused(), ProgressBar.duration(took.toSeconds()), report.commandsPerSecond());
        failures.forEach(failure -> console.println("  refused: " + failure));
        log.info("Demo data {}: {} commands accepted, {} refused in {} s", outcome, report.commands(),
                 report.refused(), took.toSeconds());
        return report;
    }

    /**
     * Sends dated cases day by day, as they happened: on each day the steps of every case that fall on it (one
     * case's steps in order) with the clock reading the end of that day, and the next day only when the day is done. So the events of the data set follow one another in time, as the read models'
     * history (what was true as of a day) requires, and each carries the day its business happened.
     */
    private void sendDayByDay(Iterator<List<Step>> cases, Sending sending, java.util.function.Consumer<String> month) {
        PriorityQueue<Cursor> waiting = new PriorityQueue<>(
                Comparator.comparing(Cursor::nextAt).thenComparingLong(Cursor::number));
        List<Step> next = cases.hasNext() ? cases.next() : null;
        long number = 0;
        while ((next != null || !waiting.isEmpty()) && !stopped) {
            Instant first = waiting.isEmpty() ? next.get(0).at()
                    : next == null || waiting.peek().nextAt().isBefore(next.get(0).at()) ? waiting.peek().nextAt()
                    : next.get(0).at();
            LocalDate day = LocalDate.ofInstant(first, CHINA);
            month.accept(day.toString().substring(0, 7));
            Instant endOfDay = day.plusDays(1).atStartOfDay(CHINA).toInstant();
            while (next != null && next.get(0).at().isBefore(endOfDay)) {
                waiting.add(new Cursor(next, number++));
                next = cases.hasNext() ? cases.next() : null;
            }
            List<Cursor> due = new ArrayList<>();
            while (!waiting.isEmpty() && waiting.peek().nextAt().isBefore(endOfDay)) {
                due.add(waiting.poll());
            }
            Instant clockAt = endOfDay.minusSeconds(1);
            for (Cursor cursor : due) {
                List<Step> steps = cursor.steps;
                if (cursor.refused) {
                    sending.countRefused(steps.size() - cursor.next);
                    continue;
                }
                int to = cursor.next;
                while (to < steps.size() && steps.get(to).at().isBefore(endOfDay)) {
                    to++;
                }
                List<Step> onTheDay = steps.subList(cursor.next, to);
                cursor.next = to;
                sending.submit(onTheDay, clockAt, () -> cursor.refused = true);
                if (to < steps.size()) {
                    waiting.add(cursor);
                }
            }
            sending.awaitAll();
        }
    }

    /** A dated case being sent: its steps, how many are sent, whether one was refused. */
    private static final class Cursor {
        final List<Step> steps;
        final long number;
        int next;
        volatile boolean refused;

        Cursor(List<Step> steps, long number) {
            this.steps = steps;
            this.number = number;
        }

        Instant nextAt() {
            return steps.get(next).at();
        }

        long number() {
            return number;
        }
    }

    /** Sends units on the client threads, a bounded number at a time, and counts what happened. */
    private final class Sending {
        final ExecutorService workers;
        final int window;
        final Semaphore inFlight;
        final AtomicLong done;
        final AtomicLong accepted;
        final AtomicLong refused;
        final List<String> failures;
        final ProgressBar progress;

        Sending(ExecutorService workers, int window, AtomicLong done, AtomicLong accepted, AtomicLong refused,
                List<String> failures, ProgressBar progress) {
            this.workers = workers;
            this.window = window;
            this.inFlight = new Semaphore(window);
            this.done = done;
            this.accepted = accepted;
            this.refused = refused;
            this.failures = failures;
            this.progress = progress;
        }

        /** Sends one aggregate's steps in order with the clock reading {@code clockAt} (null: the service's time). */
        void submit(List<Step> unit, Instant clockAt, Runnable onRefused) {
            inFlight.acquireUninterruptibly();
            workers.execute(() -> {
                try {
                    if (!send(unit, clockAt, this) && onRefused != null) {
                        onRefused.run();
                    }
                } finally {
                    inFlight.release();
                }
            });
        }

        void awaitAll() {
            inFlight.acquireUninterruptibly(window);
            inFlight.release(window);
        }

        void countRefused(int count) {
            refused.addAndGet(count);
            done.addAndGet(count);
            progress.tick();
        }
    }

    /** Sends the steps in order; false when one was refused (the rest, which depend on it, counted as refused). */
    private boolean send(List<Step> unit, Instant clockAt, Sending sending) {
        for (int i = 0; i < unit.size(); i++) {
            if (stopped) {
                return true;
            }
            Step step = unit.get(i);
            try {
                DemoClock.at(clockAt, () -> ActingAs.run(step.actor().username(), step.actor().role(),
                                                          step.actor().mediatorId(),
                                                          () -> commands.sendAndWait(step.command())));
                sending.accepted.incrementAndGet();
                sending.done.incrementAndGet();
            } catch (RuntimeException refusal) {
                if (stopped) {
                    return true;
                }
                // The rest of this aggregate's commands depend on the refused one: count them as refused too.
                sending.refused.addAndGet(unit.size() - i);
                sending.done.addAndGet(unit.size() - i);
                if (sending.failures.size() < FAILURES_SHOWN) {
                    sending.failures.add(step.command().getClass().getSimpleName() + " by " + step.actor().role()
                                         + ": " + abbreviate(String.valueOf(refusal.getMessage())));
                }
                sending.progress.tick();
                return false;
            }
            sending.progress.tick();
        }
        return true;
    }

    /** Waits until every event processor has handled every stored event, showing how far they are. */
    public boolean awaitReadModels(Duration timeout, PrintStream console) {
        TrackingToken headToken = events.createHeadToken();
        OptionalLong head = headToken == null ? OptionalLong.empty() : headToken.position();
        if (head.isEmpty()) {
            return true;
        }
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        AtomicLong position = new AtomicLong();
        ProgressBar progress = new ProgressBar(console, System.console() != null, "events", head.getAsLong(),
                                               position, () -> "read models catching up");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !stopped) {
            long slowest = processors.stream().mapToLong(DemoDataGenerator::slowestPosition).min().orElse(head.getAsLong());
            position.set(slowest);
            progress.tick();
            if (slowest >= head.getAsLong()) {
                progress.finish();
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        progress.finish();
        return false;
    }

    private static long slowestPosition(StreamingEventProcessor processor) {
        if (processor.processingStatus().isEmpty()) {
            return -1;
        }
        return processor.processingStatus().values().stream()
                        .mapToLong(status -> status.getCurrentPosition().orElse(-1)).min().orElse(-1);
    }

    /** Stops sending when the service shuts down; what was sent stays. */
    @PreDestroy
    public void stop() throws InterruptedException {
        stopped = true;
        ExecutorService workers = pool;
        if (workers != null) {
            workers.shutdown();
            workers.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    /**
     * A phase of the data set: its units (one aggregate's steps each), and when they are recorded: at {@code at}
     * (null: the time of generation), or, when {@code dated}, on the days their steps carry.
     */
    private record Phase(String name, Supplier<Iterator<List<Step>>> units, Instant at, boolean dated) {

        /**
         * Events recorded in the past are sent one command at a time: Axon's event store takes a hole in the
         * sequence of stored events next to an event older than its gap timeout for good, so concurrent writers,
         * whose transactions may end out of order, could leave events that no read model ever sees.
         */
        boolean recordedInThePast() {
            return at != null || dated;
        }
    }

    /**
     * The phases in the order the rules need them: city policies before households, communities before their
     * compounds' households and before appointments, appointments before the disputes assigned to them. The
     * places, policies and mediators are recorded as of {@link #SET_UP}, before the first dispute; the disputes on
     * their days of 2021–2023; the households last, as of the day of generation, on which their ages (and with
     * them their hardship categories) are counted.
     */
    private static List<Phase> phases(DemoWorld world, long seed, DemoSizes sizes, LocalDate today) {
        return List.of(
                new Phase("city policies", () -> DemoWorld.CITIES.stream().map(DemoDataGenerator::policy).iterator(),
                          SET_UP, false),
                new Phase("communities", () -> world.communities.stream().map(DemoDataGenerator::community).iterator(),
                          SET_UP, false),
                new Phase("mediators", () -> world.mediators.stream().map(DemoDataGenerator::mediator).iterator(),
                          SET_UP, false),
                new Phase("disputes", () -> repeat(sizes.disputes(),
                                                   new DisputePlanner(world, seed, sizes.disputes())::next),
                          null, true),
                new Phase("households", () -> repeat(sizes.households(), new HouseholdPlanner(world, seed, today)::next),
                          null, false));
    }

    /** The dibao standards of 2021 to 2024, each from 1 January, with the multiplier and allowance rule. */
    private static List<Step> policy(DemoWorld.City city) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < city.standards().length; i++) {
            steps.add(new Step(Actor.REGISTRAR, new SetCityPolicy(
                    city.code(), BigDecimal.valueOf(city.standards()[i]), city.effectiveFrom(i),
                    i == 0 ? city.multiplier() : null, i == 0 ? city.allowanceExtended() : null, null)));
        }
        return steps;
    }

    private static List<Step> community(DemoWorld.Community community) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(Actor.REGISTRAR, new RegisterCommunity(community.code(), community.name(), community.kind(),
                                                                  community.townshipName(), community.population())));
        for (DemoWorld.Compound compound : community.compounds()) {
            steps.add(new Step(Actor.REGISTRAR, new AddCompound(community.code(), compound.id(), compound.name(), null)));
        }
        if (community.prominentReason() != null) {
            steps.add(new Step(Actor.REGISTRAR, new FlagDisputeProminent(community.code(), community.prominentReason(),
                                                                         null)));
        }
        return steps;
    }

    private static List<Step> mediator(DemoWorld.Mediator mediator) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(Actor.REGISTRAR, new RegisterMediator(mediator.id(), mediator.name(), mediator.employment())));
        for (String community : mediator.communities()) {
            steps.add(new Step(Actor.REGISTRAR, new AppointMediator(mediator.id(), community, null)));
        }
        return steps;
    }

    private static Iterator<List<Step>> repeat(int count, Supplier<List<Step>> next) {
        return new Iterator<>() {
            private int made;

            @Override
            public boolean hasNext() {
                return made < count;
            }

            @Override
            public List<Step> next() {
                made++;
                return next.get();
            }
        };
    }

    private static java.util.concurrent.ThreadFactory named() {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "demo-data-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
