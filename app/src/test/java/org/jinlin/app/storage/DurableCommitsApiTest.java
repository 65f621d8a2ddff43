package org.jinlin.app.storage;

import org.jinlin.app.storage.DurableH2Commits.CheckpointingDataSource;
import org.jinlin.app.support.Api;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.Codes;
import org.jinlin.query.readmodel.EventProcessorThreads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jinlin.app.support.Api.json;

/**
 * On the embedded store a command is on disk before it is answered, while the read models' processors leave
 * their commits to H2's write delay (they redo lost work from their last stored token).
 */
class DurableCommitsApiTest extends ApiTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aCommandIsCheckpointedBeforeItsAnswerAndTheReadModelsCommitWithoutCheckpoint() throws SQLException {
        CheckpointingDataSource store = dataSource.unwrap(CheckpointingDataSource.class);
        long checkpointedBefore = store.checkpointedCommits();
        long processorCommitsBefore = store.processorCommits();

        String code = Codes.community("350802");
        Api.Response created = registrar().post("/api/communities", json(Map.of(
                "code", code, "name", "东城社区", "kind", "URBAN", "townshipName", "东城街道",
                "residentPopulation", 12000)));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(store.checkpointedCommits()).isGreaterThan(checkpointedBefore);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                registrar().get("/api/communities/" + code).status()).isEqualTo(200));
        assertThat(store.processorCommits()).isGreaterThan(processorCommitsBefore);
    }

    @Test
    void everyStreamingProcessorRunsOnRecognisedThreads() {
        List<Thread> processorThreads = Thread.getAllStackTraces().keySet().stream()
                                              .filter(t -> t.getName().startsWith("WorkPackage[")
                                                           || t.getName().startsWith("Coordinator["))
                                              .toList();

        assertThat(processorThreads).isNotEmpty();
        assertThat(processorThreads).allSatisfy(thread -> assertThat(
                thread.getClass().getName()).startsWith(EventProcessorThreads.class.getName()));
    }
}
