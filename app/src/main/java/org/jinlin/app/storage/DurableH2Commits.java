package org.jinlin.app.storage;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.jinlin.query.readmodel.EventProcessorThreads;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * On the embedded H2 file database, a commit is on disk before the caller goes on: after every
 * {@link Connection#commit()} the connection issues H2's {@code CHECKPOINT}, which writes all committed changes
 * to the file. A command is therefore answered only once its events are in the file, and a killed process loses
 * nothing it acknowledged (DurabilityTest).
 * <p>
 * Why not {@code WRITE_DELAY=0}: it gives the same guarantee, but H2 then also stops the background thread that
 * reuses the space of superseded chunks, and the file grew by about 30 KB per stored event (bench/, README
 * "Disk use"). With the default write delay that thread keeps running, and the explicit checkpoint restores
 * the guarantee.
 * <p>
 * Concurrent commits share one checkpoint (group commit, {@link GroupCheckpoint}): a commit waits for a
 * checkpoint that <em>starts</em> after it returned, and whoever finds no checkpoint running writes one for every
 * commit made so far. Under load one write then carries the commits of many threads instead of each thread
 * writing its own chunk in turn (bench/RESULTS.md, "Choices and their measured effect").
 * <p>
 * Commits on the streaming event processors' own threads ({@link EventProcessorThreads}) are not checkpointed:
 * H2 writes them within its write delay. They only keep read models, tokens and parked dead letters up to date,
 * and a projection's rows commit together with its token, so if the last of them are lost the processor handles
 * those events again from the last token on disk. Measured effect: bench/RESULTS.md, "Choices and their measured
 * effect".
 * <p>
 * But H2 does not write commits in the order they were made: a version of the file is collected map by map while
 * other transactions go on, so it can hold a later commit and miss an earlier one (DurabilityTest found a
 * directory entry on disk whose command was lost). A processor commit therefore waits, before it commits, until
 * everything it may have read is in the file: every commit of a request, command or job, and every earlier commit
 * of its own processor, begun before it ({@link GroupCheckpoint#awaitDependencies}). While commands come in, their
 * own checkpoints cover that; a processor that commits twice with no checkpoint between (catching up, a rebuild)
 * writes one itself. A processor does not wait for another processor: no read model reads another's rows. A
 * command sent from an event handler (the hardship reassessment) commits on the processor's thread, and its
 * events are read by the other processors, so that commit counts as a command's ({@link #commandSentFromThisThread}).
 * <p>
 * A transaction that changed nothing (a query's, which Axon's query bus runs in a transaction) has nothing to write
 * and is not checkpointed: H2 says so before the commit ({@code INFORMATION_SCHEMA.SESSIONS.CONTAINS_UNCOMMITTED}).
 * Every read used to wait for a checkpoint, and on a multi-gigabyte file one took up to a second whenever H2's
 * background writer held the store (bench/RESULTS.md, province scale).
 */
@Component
public class DurableH2Commits implements BeanPostProcessor {

    private final boolean checkpointing;

    /**
     * {@code jinlin.h2.checkpoint-each-commit=false} leaves the writing to H2 (within its write delay): only for a
     * bulk load that is started again from scratch if it is killed, as the {@code demo} command line does.
     */
    static final String CHECKPOINT_EACH_COMMIT = "jinlin.h2.checkpoint-each-commit";

    /**
     * {@code jinlin.h2.checkpoint-processor-commits=true} checkpoints the event processors' commits too, as every
     * commit was before: for comparing the two in bench/, or when a read model must never redo work after a crash.
     */
    static final String CHECKPOINT_PROCESSOR_COMMITS = "jinlin.h2.checkpoint-processor-commits";

    private final boolean processorCommitsToo;

    /**
     * {@code jinlin.h2.group-commit=false} makes every commit issue a checkpoint of its own, as before group
     * commit: for comparing the two in bench/.
     */
    static final String GROUP_COMMIT = "jinlin.h2.group-commit";

    private final boolean groupCommit;

    private static final ThreadLocal<Boolean> COMMAND_SENT = new ThreadLocal<>();

    DurableH2Commits(Environment environment) {
        this.checkpointing = environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:file:")
                      && environment.getProperty(CHECKPOINT_EACH_COMMIT, Boolean.class, true);
        this.processorCommitsToo = environment.getProperty(CHECKPOINT_PROCESSOR_COMMITS, Boolean.class, false);
        this.groupCommit = environment.getProperty(GROUP_COMMIT, Boolean.class, true);
    }

    /**
     * {@code target} with a CHECKPOINT after every commit, each its own: the simplest durable commit on an H2 file,
     * as a plain application would do it (the benchmarks' baselines use it).
     */
    public static DataSource checkpointEachCommit(DataSource target) {
        return new CheckpointingDataSource(target, true, false);
    }

    /**
     * The transaction open on this event processor's thread sends a command, whose events the other processors
     * will read: its commit is then one they wait for, like a request's. Called by {@link CommandsFromEventHandlers}.
     */
    static void commandSentFromThisThread() {
        COMMAND_SENT.set(Boolean.TRUE);
    }

    private static boolean takeCommandSent() {
        boolean sent = COMMAND_SENT.get() != null;
        COMMAND_SENT.remove();
        return sent;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (checkpointing && bean instanceof DataSource dataSource && !(bean instanceof CheckpointingDataSource)) {
            return new CheckpointingDataSource(dataSource, processorCommitsToo, groupCommit);
        }
        return bean;
    }

    static final class CheckpointingDataSource extends DelegatingDataSource {

        private final LongAdder checkpointed = new LongAdder();
        private final LongAdder leftToH2 = new LongAdder();
        private final LongAdder unchanged = new LongAdder();
        private final GroupCheckpoint group = new GroupCheckpoint();

        private final boolean processorCommitsToo;
        private final boolean groupCommit;

        CheckpointingDataSource(DataSource target, boolean processorCommitsToo, boolean groupCommit) {
            super(target);
            this.processorCommitsToo = processorCommitsToo;
            this.groupCommit = groupCommit;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return checkpointing(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return checkpointing(super.getConnection(username, password));
        }

        /** Commits followed by a CHECKPOINT so far. */
        long checkpointedCommits() {
            return checkpointed.sum();
        }

        /** CHECKPOINT statements issued so far: under concurrent commits, fewer than the commits they carried. */
        long checkpoints() {
            return group.written();
        }

        /** Commits waiting for a running checkpoint to end, or, a processor's, for an earlier commit to return. */
        int waitingCommits() {
            return group.waiting();
        }

        /** Commits of event processors so far, left to H2's write delay. */
        long processorCommits() {
            return leftToH2.sum();
        }

        /** Commits of transactions that changed nothing, so had nothing to write. */
        long unchangedCommits() {
            return unchanged.sum();
        }

        /**
         * Whether the connection's transaction has changed anything, asked of its H2 session itself; true when that
         * cannot be asked (another driver, or a stand-in), so that a commit is checkpointed unless it certainly had
         * nothing to write. Asking through {@code information_schema.sessions} cost a statement per commit, and
         * under 16 concurrent writers H2 2.4.240 now and then failed that statement with a NullPointerException
         * while it read the other sessions' state, which failed the commit.
         */
        private static boolean changedAnything(Connection connection) {
            try {
                if (connection.isWrapperFor(JdbcConnection.class)
                    && connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session) {
                    return session.containsUncommitted();
                }
            } catch (SQLException e) {
                // Cannot say: checkpoint.
            }
            return true;
        }

        private Connection checkpointing(Connection connection) {
            return (Connection) Proxy.newProxyInstance(
                    CheckpointingDataSource.class.getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> {
                        boolean commit = "commit".equals(method.getName()) && method.getParameterCount() == 0;
                        if (commit) {
                            commit(connection);
                            return null;
                        }
                        if ("rollback".equals(method.getName()) && method.getParameterCount() == 0
                            && EventProcessorThreads.isCurrent()) {
                            takeCommandSent();
                        }
                        return invoke(connection, method, args);
                    });
        }

        private void commit(Connection connection) throws Throwable {
            String processor = EventProcessorThreads.currentProcessor();
            boolean commandSent = processor != null && takeCommandSent();
            if (!changedAnything(connection)) {
                connection.commit();
                unchanged.increment();
                return;
            }
            Checkpoint checkpoint = () -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CHECKPOINT");
                }
            };
            if (processor != null) {
                group.awaitDependencies(checkpoint, processor);
            }
            String scope = processor == null || commandSent ? GroupCheckpoint.CLIENTS : processor;
            long returned = group.commit(scope, connection::commit);
            if (processor != null && !processorCommitsToo) {
                leftToH2.increment();
            } else {
                if (groupCommit) {
                    group.awaitCovered(returned, checkpoint);
                } else {
                    group.writeOwn(checkpoint);
                }
                checkpointed.increment();
            }
        }

        private static Object invoke(Connection connection, Method method, Object[] args)
                throws Throwable {
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    /** Writes the file: every commit returned so far is in it once this returns. */
    @FunctionalInterface
    interface Checkpoint {
        void write() throws SQLException;
    }

    /** A commit, made by the caller. */
    @FunctionalInterface
    interface Commit {
        void commit() throws SQLException;
    }

    /**
     * Group commit, and the order of commits on disk. Each commit gets a number when it returns; a checkpoint
     * records the last number given out before it started, and every commit up to that number is in the file once
     * it ends. A commit whose number is not yet covered either writes the next checkpoint itself (none running) or
     * waits for the running one and then looks again. If a checkpoint fails, its writer gets the exception and a
     * waiting commit writes the next one. Waiting is not interruptible: the commit has happened (or, for a
     * processor's, must not happen before what it read is in the file), and its caller may only go on once it is
     * in the file (an interrupt is kept for the caller).
     * <p>
     * Commits belong to a scope: {@link #CLIENTS} for requests, commands and jobs, or the name of the event
     * processor that made them. Before a processor commits, {@link #awaitDependencies} waits until every commit of
     * the clients' scope and of its own that began before has returned and is covered by a checkpoint.
     */
    static final class GroupCheckpoint {

        /** The scope of the commits of requests, commands and jobs, which every event processor may have read. */
        static final String CLIENTS = "";

        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private final Map<String, Scope> scopes = new HashMap<>();
        private long begun;
        private long returned;
        private long coveredUpTo;
        private boolean running;
        private long written;

        /** The commits of one scope that have begun and not yet returned, and the last one that returned. */
        private static final class Scope {
            private final TreeSet<Long> committing = new TreeSet<>();
            private long lastReturned;
        }

        /** Makes {@code commit} in {@code scope}; returns its number, for {@link #awaitCovered}. */
        long commit(String scope, Commit commit) throws SQLException {
            long number;
            Scope committed;
            lock.lock();
            try {
                number = ++begun;
                committed = scopes.computeIfAbsent(scope, name -> new Scope());
                committed.committing.add(number);
            } finally {
                lock.unlock();
            }
            boolean done = false;
            long returnedAs = 0;
            try {
                commit.commit();
                done = true;
            } finally {
                lock.lock();
                try {
                    committed.committing.remove(number);
                    if (done) {
                        returnedAs = ++returned;
                        committed.lastReturned = returnedAs;
                    }
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
            return returnedAs;
        }

        /** Returns once the commit numbered {@code returnedAs} is in the file, writing a checkpoint if needed. */
        void awaitCovered(long returnedAs, Checkpoint checkpoint) throws SQLException {
            lock.lock();
            try {
                cover(returnedAs, checkpoint);
            } finally {
                lock.unlock();
            }
        }

        /**
         * Returns once every commit of the clients and of {@code processor} that began before this call has
         * returned and is in the file.
         */
        void awaitDependencies(Checkpoint checkpoint, String processor) throws SQLException {
            lock.lock();
            try {
                long before = begun;
                while (committingAtOrBefore(CLIENTS, before) || committingAtOrBefore(processor, before)) {
                    changed.awaitUninterruptibly();
                }
                cover(Math.max(lastReturned(CLIENTS), lastReturned(processor)), checkpoint);
            } finally {
                lock.unlock();
            }
        }

        /** One checkpoint of the caller's own, not shared, which still covers the commits returned before it. */
        void writeOwn(Checkpoint checkpoint) throws SQLException {
            long upTo;
            lock.lock();
            try {
                upTo = returned;
            } finally {
                lock.unlock();
            }
            checkpoint.write();
            lock.lock();
            try {
                coveredUpTo = Math.max(coveredUpTo, upTo);
                written++;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        private boolean committingAtOrBefore(String scope, long number) {
            Scope commits = scopes.get(scope);
            return commits != null && !commits.committing.isEmpty() && commits.committing.first() <= number;
        }

        private long lastReturned(String scope) {
            Scope commits = scopes.get(scope);
            return commits == null ? 0 : commits.lastReturned;
        }

        /** With the lock held: waits for or writes checkpoints until commit number {@code upTo} is covered. */
        private void cover(long upTo, Checkpoint checkpoint) throws SQLException {
            while (coveredUpTo < upTo) {
                if (running) {
                    changed.awaitUninterruptibly();
                    continue;
                }
                running = true;
                long covering = returned;
                boolean done = false;
                lock.unlock();
                try {
                    checkpoint.write();
                    done = true;
                } finally {
                    lock.lock();
                    running = false;
                    if (done) {
                        coveredUpTo = Math.max(coveredUpTo, covering);
                        written++;
                    }
                    changed.signalAll();
                }
            }
        }

        /** Commits waiting for a running checkpoint to end or for an earlier commit to return. */
        int waiting() {
            lock.lock();
            try {
                return lock.getWaitQueueLength(changed);
            } finally {
                lock.unlock();
            }
        }

        /** Checkpoints written, shared or not. */
        long written() {
            lock.lock();
            try {
                return written;
            } finally {
                lock.unlock();
            }
        }
    }
}
