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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;
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
        int window = threads * 4;
        Semaphore inFlight = new Semaphore(window);
        try {
            for (Phase phase : phases) {
                stage.set(phase.name());
                for (Iterator<List<Step>> units = phase.units().get(); units.hasNext() && !stopped; ) {
                    List<Step> unit = units.next();
                    inFlight.acquireUninterruptibly();
                    workers.execute(() -> {
                        try {
                            send(unit, done, accepted, refused, failures, progress);
                        } finally {
                            inFlight.release();
                        }
                    });
                }
                // Later phases rely on earlier ones (a dispute's mediator must hold an appointment): wait for all.
                inFlight.acquireUninterruptibly(window);
                inFlight.release(window);
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

    private void send(List<Step> unit, AtomicLong done, AtomicLong accepted, AtomicLong refused,
                      List<String> failures, ProgressBar progress) {
        for (int i = 0; i < unit.size(); i++) {
            if (stopped) {
                return;
            }
            Step step = unit.get(i);
            try {
                ActingAs.run(step.actor().username(), step.actor().role(), step.actor().mediatorId(),
                             () -> commands.sendAndWait(step.command()));
                accepted.incrementAndGet();
                done.incrementAndGet();
            } catch (RuntimeException refusal) {
                if (stopped) {
                    return;
                }
                // The rest of this aggregate's commands depend on the refused one: count them as refused too.
                refused.addAndGet(unit.size() - i);
                done.addAndGet(unit.size() - i);
                if (failures.size() < FAILURES_SHOWN) {
                    failures.add(step.command().getClass().getSimpleName() + " by " + step.actor().role() + ": "
                                 + abbreviate(String.valueOf(refusal.getMessage())));
                }
                progress.tick();
                return;
            }
            progress.tick();
        }
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

    private record Phase(String name, Supplier<Iterator<List<Step>>> units) {
    }

    /**
     * The phases in the order the rules need them: city policies before households, communities before their
     * compounds' households and before appointments, appointments before the disputes assigned to them.
     */
    private static List<Phase> phases(DemoWorld world, long seed, DemoSizes sizes, LocalDate today) {
        return List.of(
                new Phase("city policies", () -> DemoWorld.CITIES.stream().map(DemoDataGenerator::policy).iterator()),
                new Phase("communities", () -> world.communities.stream().map(DemoDataGenerator::community).iterator()),
                new Phase("mediators", () -> world.mediators.stream().map(DemoDataGenerator::mediator).iterator()),
                new Phase("households", () -> repeat(sizes.households(), new HouseholdPlanner(world, seed, today)::next)),
                new Phase("disputes", () -> repeat(sizes.disputes(), new DisputePlanner(world, seed)::next)));
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
