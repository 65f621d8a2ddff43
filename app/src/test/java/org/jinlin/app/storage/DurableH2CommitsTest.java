package org.jinlin.app.storage;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.config.Configuration;
import org.jinlin.app.storage.DurableH2Commits.CheckpointingDataSource;
import org.jinlin.query.readmodel.EventProcessorThreads;
import org.junit.jupiter.api.Test;

import org.awaitility.Awaitility;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.InOrder;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Which commits on the embedded store are forced to disk before the caller goes on. */
class DurableH2CommitsTest {

    private final Statement statement = mock(Statement.class);
    private final Connection connection = mock(Connection.class);
    private final DataSource target = mock(DataSource.class);
    private final CheckpointingDataSource dataSource = new CheckpointingDataSource(target, false, true);

    DurableH2CommitsTest() throws Exception {
        when(target.getConnection()).thenReturn(connection);
        when(connection.createStatement()).thenReturn(statement);
    }

    @Test
    void aCommitOnARequestOrCommandThreadIsCheckpointedBeforeCommitReturns() throws Exception {
        dataSource.getConnection().commit();

        verify(connection).commit();
        verify(statement, times(1)).execute("CHECKPOINT");
        verify(statement, never()).executeQuery(anyString());
        assertThat(dataSource.checkpointedCommits()).isEqualTo(1);
        assertThat(dataSource.processorCommits()).isZero();
    }

    @Test
    void aCommitOnAnEventProcessorThreadIsLeftToH2sWriteDelay() throws Exception {
        commitOnAProcessorThread(dataSource);

        verify(connection).commit();
        verify(statement, never()).execute("CHECKPOINT");
        assertThat(dataSource.checkpointedCommits()).isZero();
        assertThat(dataSource.processorCommits()).isEqualTo(1);
    }

    @Test
    void processorCommitsAreCheckpointedTooWhenConfiguredSo() throws Exception {
        CheckpointingDataSource everyCommit = new CheckpointingDataSource(target, true, true);

        commitOnAProcessorThread(everyCommit);

        verify(statement, times(1)).execute("CHECKPOINT");
        assertThat(everyCommit.checkpointedCommits()).isEqualTo(1);
    }

    private static void commitOnAProcessorThread(DataSource dataSource) throws Exception {
        ScheduledExecutorService workers = EventProcessorThreads.workers(mock(Configuration.class), "projection");
        try {
            workers.submit(() -> {
                dataSource.getConnection().commit();
                return null;
            }).get(10, TimeUnit.SECONDS);
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * H2 can write a later commit to the file before an earlier one: a processor must not commit a read model
     * built from a command's events until that command's commit is in the file.
     */
    @Test
    void aProcessorCommitWaitsUntilTheCommandCommitsBeforeItAreInTheFile() throws Exception {
        CountDownLatch commandCheckpointRunning = new CountDownLatch(1);
        CountDownLatch releaseCommandCheckpoint = new CountDownLatch(1);
        when(statement.execute("CHECKPOINT")).thenAnswer(invocation -> {
            commandCheckpointRunning.countDown();
            assertThat(releaseCommandCheckpoint.await(10, TimeUnit.SECONDS)).isTrue();
            return false;
        });
        Connection processorConnection = mock(Connection.class);
        Statement processorStatement = mock(Statement.class);
        when(processorConnection.createStatement()).thenReturn(processorStatement);
        when(target.getConnection()).thenReturn(connection, processorConnection);

        commandThenProcessorCommit(commandCheckpointRunning, releaseCommandCheckpoint,
                                   () -> verify(processorConnection, never()).commit());

        verify(processorConnection).commit();
        assertThat(dataSource.checkpoints()).as("the command's checkpoint carried what the processor read")
                                            .isEqualTo(1);
        verify(processorStatement, never()).execute("CHECKPOINT");
    }

    /** The command's events are visible to others before its commit has returned. */
    @Test
    void aProcessorCommitWaitsForACommandCommitStillBeingMadeAndItsCheckpoint() throws Exception {
        CountDownLatch commandCommitting = new CountDownLatch(1);
        CountDownLatch releaseCommandCommit = new CountDownLatch(1);
        List<String> happened = Collections.synchronizedList(new ArrayList<>());
        Connection commandConnection = mock(Connection.class);
        Statement commandStatement = mock(Statement.class);
        when(commandConnection.createStatement()).thenReturn(commandStatement);
        doAnswer(invocation -> {
            commandCommitting.countDown();
            assertThat(releaseCommandCommit.await(10, TimeUnit.SECONDS)).isTrue();
            happened.add("command committed");
            return null;
        }).when(commandConnection).commit();
        doAnswer(invocation -> happened.add("projection committed")).when(connection).commit();
        for (Statement either : List.of(commandStatement, statement)) {
            when(either.execute("CHECKPOINT")).thenAnswer(invocation -> happened.add("checkpoint"));
        }
        when(target.getConnection()).thenReturn(commandConnection, connection);

        commandThenProcessorCommit(commandCommitting, releaseCommandCommit, () -> assertThat(happened).isEmpty());

        assertThat(happened).as("one checkpoint, written by either")
                            .containsExactly("command committed", "checkpoint", "projection committed");
    }

    @FunctionalInterface
    private interface Check {
        void check() throws Exception;
    }

    /**
     * A command commits on a request's thread and is held where its mocks wait for {@code release}; meanwhile the
     * directory's processor commits on its own thread. Once that commit waits, {@code whileHeld} checks what has
     * happened so far; then the command is let go and both commits must end.
     */
    private void commandThenProcessorCommit(CountDownLatch commandHeld, CountDownLatch release, Check whileHeld)
            throws Exception {
        ExecutorService client = Executors.newSingleThreadExecutor();
        ScheduledExecutorService processor = EventProcessorThreads.workers(mock(Configuration.class), "directory");
        try {
            Future<?> command = client.submit(() -> {
                dataSource.getConnection().commit();
                return null;
            });
            assertThat(commandHeld.await(10, TimeUnit.SECONDS)).isTrue();
            Connection projection = dataSource.getConnection();
            Future<?> projectionCommit = processor.submit(() -> {
                projection.commit();
                return null;
            });
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> dataSource.waitingCommits() == 1);
            whileHeld.check();

            release.countDown();
            command.get(10, TimeUnit.SECONDS);
            projectionCommit.get(10, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            client.shutdownNow();
            processor.shutdownNow();
        }
    }

    /** Catching up or rebuilding, a processor's next batch is built on its last: that one must be in the file. */
    @Test
    void aProcessorCommittingAgainBeforeAnyCheckpointWritesOneBeforeItsSecondCommit() throws Exception {
        onAProcessorThread("roster", () -> {
            Connection projection = dataSource.getConnection();
            projection.commit();
            verify(statement, never()).execute("CHECKPOINT");
            projection.commit();
            return null;
        });

        InOrder order = inOrder(statement, connection);
        order.verify(connection).commit();
        order.verify(statement).execute("CHECKPOINT");
        order.verify(connection).commit();
        assertThat(dataSource.processorCommits()).isEqualTo(2);
        assertThat(dataSource.checkpointedCommits()).isZero();
    }

    @Test
    void aProcessorDoesNotWaitForAnotherProcessorsCommits() throws Exception {
        onAProcessorThread("roster", () -> {
            dataSource.getConnection().commit();
            return null;
        });
        onAProcessorThread("directory", () -> {
            dataSource.getConnection().commit();
            return null;
        });

        verify(connection, times(2)).commit();
        verify(statement, never()).execute("CHECKPOINT");
    }

    /** The hardship reassessment's events commit on its processor's thread; the roster reads them. */
    @Test
    void aCommandSentFromAnEventHandlerIsACommitTheOtherProcessorsWaitFor() throws Exception {
        onAProcessorThread("hardship-reassessment", () -> {
            new CommandsFromEventHandlers().handle(GenericCommandMessage.asCommandMessage("reassess"));
            dataSource.getConnection().commit();
            return null;
        });
        verify(statement, never()).execute("CHECKPOINT");
        onAProcessorThread("roster", () -> {
            dataSource.getConnection().commit();
            return null;
        });

        InOrder order = inOrder(statement, connection);
        order.verify(connection).commit();
        order.verify(statement).execute("CHECKPOINT");
        order.verify(connection).commit();
    }

    private static void onAProcessorThread(String processor, Callable<Void> work)
            throws Exception {
        ScheduledExecutorService workers = EventProcessorThreads.workers(mock(Configuration.class), processor);
        try {
            workers.submit(work).get(10, TimeUnit.SECONDS);
        } finally {
            workers.shutdownNow();
        }
    }

    /** Without group commit (bench/'s comparison), each commit writes its own checkpoint. */
    @Test
    void withoutGroupCommitEachCommitWritesItsOwnCheckpointWhichAProcessorCommitAfterItNeedNotRepeat()
            throws Exception {
        CheckpointingDataSource eachItsOwn = new CheckpointingDataSource(target, false, false);

        eachItsOwn.getConnection().commit();
        eachItsOwn.getConnection().commit();
        onAProcessorThread("directory", () -> {
            eachItsOwn.getConnection().commit();
            return null;
        });

        verify(connection, times(3)).commit();
        verify(statement, times(2)).execute("CHECKPOINT");
        assertThat(eachItsOwn.checkpoints()).isEqualTo(2);
        assertThat(eachItsOwn.checkpointedCommits()).isEqualTo(2);
        assertThat(eachItsOwn.processorCommits()).isEqualTo(1);
    }

    @Test
    void aRollbackOrOtherStatementIsNeverCheckpointed() throws Exception {
        Connection connection = dataSource.getConnection();
        connection.rollback();
        connection.setAutoCommit(false);

        verify(statement, never()).execute("CHECKPOINT");
        assertThat(dataSource.checkpointedCommits()).isZero();
    }

    @Test
    void concurrentCommitsReturnOnlyAfterACheckpointThatStartedAfterThemAndShareIt() throws Exception {
        CountDownLatch firstCheckpointRunning = new CountDownLatch(1);
        CountDownLatch releaseFirstCheckpoint = new CountDownLatch(1);
        // The second checkpoint is held until the first commit has returned, so that what the first commit saw
        // when it returned is not confused with a second checkpoint ending just after.
        CountDownLatch releaseSecondCheckpoint = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        AtomicInteger ended = new AtomicInteger();
        when(statement.execute("CHECKPOINT")).thenAnswer(invocation -> {
            int number = started.incrementAndGet();
            if (number == 1) {
                firstCheckpointRunning.countDown();
                assertThat(releaseFirstCheckpoint.await(10, TimeUnit.SECONDS)).isTrue();
            } else if (number == 2) {
                assertThat(releaseSecondCheckpoint.await(10, TimeUnit.SECONDS)).isTrue();
            }
            ended.incrementAndGet();
            return false;
        });
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            Future<Integer> first = threads.submit(() -> commitAndCountEndedCheckpoints(ended));
            assertThat(firstCheckpointRunning.await(10, TimeUnit.SECONDS)).isTrue();
            // Three commits made while the first checkpoint is being written: it may not carry them.
            List<Future<Integer>> later = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                later.add(threads.submit(() -> commitAndCountEndedCheckpoints(ended)));
            }
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> dataSource.waitingCommits() == 3);
            releaseFirstCheckpoint.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            releaseSecondCheckpoint.countDown();
            for (Future<Integer> commit : later) {
                assertThat(commit.get(10, TimeUnit.SECONDS)).as("checkpoints ended when the commit returned")
                                                            .isEqualTo(2);
            }
            verify(statement, times(2)).execute("CHECKPOINT");
            assertThat(dataSource.checkpoints()).isEqualTo(2);
            assertThat(dataSource.checkpointedCommits()).isEqualTo(4);
        } finally {
            releaseFirstCheckpoint.countDown();
            releaseSecondCheckpoint.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void whenACheckpointFailsItsCommitSeesTheErrorAndAWaitingCommitWritesTheNextOne() throws Exception {
        CountDownLatch firstCheckpointRunning = new CountDownLatch(1);
        CountDownLatch failFirstCheckpoint = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        AtomicInteger ended = new AtomicInteger();
        when(statement.execute("CHECKPOINT")).thenAnswer(invocation -> {
            if (started.incrementAndGet() == 1) {
                firstCheckpointRunning.countDown();
                assertThat(failFirstCheckpoint.await(10, TimeUnit.SECONDS)).isTrue();
                throw new SQLException("disk full");
            }
            ended.incrementAndGet();
            return false;
        });
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = threads.submit(() -> commitAndCountEndedCheckpoints(ended));
            assertThat(firstCheckpointRunning.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Integer> second = threads.submit(() -> commitAndCountEndedCheckpoints(ended));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> dataSource.waitingCommits() == 1);
            failFirstCheckpoint.countDown();

            assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("disk full");
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(dataSource.checkpoints()).isEqualTo(1);
        } finally {
            failFirstCheckpoint.countDown();
            threads.shutdownNow();
        }
    }

    private int commitAndCountEndedCheckpoints(AtomicInteger ended) throws SQLException {
        dataSource.getConnection().commit();
        return ended.get();
    }

    @Test
    void onTheRealStoreOnlyATransactionThatChangedSomethingIsCheckpointed(@TempDir Path directory) throws Exception {
        CheckpointingDataSource store = realStoreWithATable(directory);
        try (Connection connection = store.getConnection()) {
            connection.setAutoCommit(false);

            connection.createStatement().executeQuery("select count(*) from t").close();
            connection.commit();
            assertThat(store.checkpointedCommits()).as("a read").isZero();
            assertThat(store.unchangedCommits()).isEqualTo(1);

            connection.createStatement().executeUpdate("insert into t values (1)");
            connection.commit();
            assertThat(store.checkpointedCommits()).as("a write").isEqualTo(1);
            assertThat(store.unchangedCommits()).isEqualTo(1);

            connection.createStatement().executeUpdate("delete from t where x = 2");
            connection.commit();
            assertThat(store.checkpointedCommits()).as("a write that found nothing to change").isEqualTo(1);
        }
    }

    /**
     * Sixteen sessions writing and reading at once: every commit succeeds, every write is checkpointed and every read
     * is recognised as having changed nothing, each session asked about its own transaction only. (The statement on
     * information_schema.sessions that asked before read every session's state, and in the throughput benchmark at
     * 16 threads it failed twice in about 60 000 commands with H2's NullPointerException; too rarely to show here.)
     */
    @Test
    void concurrentWritersOnTheRealStoreAllCommitAndAreCheckpointed(@TempDir Path directory) throws Exception {
        CheckpointingDataSource store = realStoreWithATable(directory);
        int writers = 16;
        int commitsEach = 200;
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(threads.submit(() -> {
                    try (Connection connection = store.getConnection()) {
                        connection.setAutoCommit(false);
                        for (int i = 0; i < commitsEach; i++) {
                            connection.createStatement().executeUpdate("insert into t values (" + writer + ")");
                            connection.commit();
                            connection.createStatement().executeQuery("select count(*) from t").close();
                            connection.commit();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(store.checkpointedCommits()).as("every write").isEqualTo((long) writers * commitsEach);
        assertThat(store.unchangedCommits()).as("every read").isEqualTo((long) writers * commitsEach);
    }

    /** An H2 file with the service's settings, behind the checkpointing data source, with an empty table t (x int). */
    private static CheckpointingDataSource realStoreWithATable(Path directory) throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + directory.resolve("jinlin") + ";RETENTION_TIME=1000;COMPRESS=TRUE");
        CheckpointingDataSource store = new CheckpointingDataSource(h2, false, true);
        try (Connection setup = store.getConnection()) {
            setup.createStatement().execute("create table t (x int)");
        }
        return store;
    }
}
