package org.jinlin.app.storage;

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

/**
 * On the embedded H2 file database, a commit is on disk before the caller goes on: after every
 * {@link Connection#commit()} the connection issues H2's {@code CHECKPOINT}, which writes all committed changes
 * to the file. A command is therefore answered only once its events are in the file, and a killed process loses
 * nothing it acknowledged (DurabilityTest).
 * <p>
 * Why not {@code WRITE_DELAY=0}: it gives the same guarantee, but H2 then also stops the background thread that
 * reuses the space of superseded chunks, and the file grew by about 30 KB per stored event (bench/, README
 * "Disk use"). With the default write delay that thread keeps running, and the explicit checkpoint restores
 * the guarantee; concurrent commits share one write.
 * <p>
 * Commits on the streaming event processors' own threads ({@link EventProcessorThreads}) are not checkpointed:
 * H2 writes them within its write delay. They only keep read models, tokens and parked dead letters up to date,
 * and a projection's rows commit together with its token, so if the last of them are lost the processor handles
 * those events again from the last token on disk. H2 writes the store's changes in commit order, so the next
 * checkpointed commit (any command, any request) also writes every processor commit before it; nothing a client
 * was answered about depends on an unwritten commit. A command sent from an event handler (the hardship
 * reassessment) commits on the processor's thread no later than the token past its cause, so if it is lost it is
 * sent again. Measured effect: bench/RESULTS.md, "Choices and their measured effect".
 */
@Component
class DurableH2Commits implements BeanPostProcessor {

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

    DurableH2Commits(Environment environment) {
        this.checkpointing = environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:file:")
                      && environment.getProperty(CHECKPOINT_EACH_COMMIT, Boolean.class, true);
        this.processorCommitsToo = environment.getProperty(CHECKPOINT_PROCESSOR_COMMITS, Boolean.class, false);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (checkpointing && bean instanceof DataSource dataSource && !(bean instanceof CheckpointingDataSource)) {
            return new CheckpointingDataSource(dataSource, processorCommitsToo);
        }
        return bean;
    }

    static final class CheckpointingDataSource extends DelegatingDataSource {

        private final LongAdder checkpointed = new LongAdder();
        private final LongAdder leftToH2 = new LongAdder();

        private final boolean processorCommitsToo;

        CheckpointingDataSource(DataSource target, boolean processorCommitsToo) {
            super(target);
            this.processorCommitsToo = processorCommitsToo;
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

        /** Commits of event processors so far, left to H2's write delay. */
        long processorCommits() {
            return leftToH2.sum();
        }

        private Connection checkpointing(Connection connection) {
            return (Connection) Proxy.newProxyInstance(
                    CheckpointingDataSource.class.getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> {
                        Object result;
                        try {
                            result = method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                        if ("commit".equals(method.getName()) && method.getParameterCount() == 0) {
                            if (!processorCommitsToo && EventProcessorThreads.isCurrent()) {
                                leftToH2.increment();
                            } else {
                                try (Statement checkpoint = connection.createStatement()) {
                                    checkpoint.execute("CHECKPOINT");
                                }
                                checkpointed.increment();
                            }
                        }
                        return result;
                    });
        }
    }
}
