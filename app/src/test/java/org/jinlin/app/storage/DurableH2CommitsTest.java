package org.jinlin.app.storage;

import org.axonframework.config.Configuration;
import org.jinlin.app.storage.DurableH2Commits.CheckpointingDataSource;
import org.jinlin.query.readmodel.EventProcessorThreads;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
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
    private final CheckpointingDataSource dataSource = new CheckpointingDataSource(target, false);

    DurableH2CommitsTest() throws Exception {
        when(target.getConnection()).thenReturn(connection);
        when(connection.createStatement()).thenReturn(statement);
    }

    @Test
    void aCommitOnARequestOrCommandThreadIsCheckpointedBeforeCommitReturns() throws Exception {
        dataSource.getConnection().commit();

        verify(connection).commit();
        verify(statement, times(1)).execute("CHECKPOINT");
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
        CheckpointingDataSource everyCommit = new CheckpointingDataSource(target, true);

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

    @Test
    void aRollbackOrOtherStatementIsNeverCheckpointed() throws Exception {
        Connection connection = dataSource.getConnection();
        connection.rollback();
        connection.setAutoCommit(false);

        verify(statement, never()).execute("CHECKPOINT");
        assertThat(dataSource.checkpointedCommits()).isZero();
    }
}
