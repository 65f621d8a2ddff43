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
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
 * those events again from the last token on disk. H2 writes the store's changes in commit order, so the next
 * checkpointed commit (any command, any request) also writes every processor commit before it; nothing a client
 * was answered about depends on an unwritten commit. A command sent from an event handler (the hardship
 * reassessment) commits on the processor's thread no later than the token past its cause, so if it is lost it is
 * sent again. Measured effect: bench/RESULTS.md, "Choices and their measured effect".
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
        private final LongAdder ownCheckpoints = new LongAdder();

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
            return group.written() + ownCheckpoints.sum();
        }

        /** Commits waiting for a running checkpoint to end. */
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
                        boolean processorThread = !processorCommitsToo && EventProcessorThreads.isCurrent();
                        boolean changed = commit && !processorThread && changedAnything(connection);
                        Object result;
                        try {
                            result = method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                        if (commit) {
                            if (processorThread) {
                                leftToH2.increment();
                            } else if (!changed) {
                                unchanged.increment();
                            } else {
                                Checkpoint checkpoint = () -> {
                                    try (Statement statement = connection.createStatement()) {
                                        statement.execute("CHECKPOINT");
                                    }
                                };
                                if (groupCommit) {
                                    group.awaitCheckpointAfterCommit(checkpoint);
                                } else {
                                    checkpoint.write();
                                    ownCheckpoints.increment();
                                }
                                checkpointed.increment();
                            }
                        }
                        return result;
                    });
        }
    }

    /** Writes the file for the commit just made, or waits for a write that covers it. */
    @FunctionalInterface
    interface Checkpoint {
        void write() throws SQLException;
    }

    /**
     * Group commit. Each commit takes a ticket after {@code commit()} returned; a checkpoint records the last ticket
     * handed out before it started, and every commit up to that ticket is in the file once it ends. A commit
     * whose ticket is not yet covered either writes the next checkpoint itself (none running) or waits for the
     * running one and then looks again. If a checkpoint fails, its writer gets the exception and a waiting commit
     * writes the next one. Waiting is not interruptible: the commit has happened, and its caller may only go on
     * once it is in the file (an interrupt is kept for the caller).
     */
    static final class GroupCheckpoint {

        private final ReentrantLock lock = new ReentrantLock();
        private final Condition checkpointEnded = lock.newCondition();
        private long ticketsIssued;
        private long coveredUpTo;
        private boolean running;
        private long written;

        void awaitCheckpointAfterCommit(Checkpoint checkpoint) throws SQLException {
            long ticket;
            long upTo;
            lock.lock();
            try {
                ticket = ++ticketsIssued;
                while (running && coveredUpTo < ticket) {
                    checkpointEnded.awaitUninterruptibly();
                }
                if (coveredUpTo >= ticket) {
                    return;
                }
                running = true;
                upTo = ticketsIssued;
            } finally {
                lock.unlock();
            }
            boolean done = false;
            try {
                checkpoint.write();
                done = true;
            } finally {
                lock.lock();
                try {
                    running = false;
                    if (done) {
                        coveredUpTo = Math.max(coveredUpTo, upTo);
                        written++;
                    }
                    checkpointEnded.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        }

        /** Commits waiting for a running checkpoint to end. */
        int waiting() {
            lock.lock();
            try {
                return lock.getWaitQueueLength(checkpointEnded);
            } finally {
                lock.unlock();
            }
        }

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
