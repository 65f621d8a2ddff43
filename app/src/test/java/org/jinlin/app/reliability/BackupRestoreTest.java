package org.jinlin.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.jinlin.app.JinlinApplication;
import org.jinlin.app.audit.VerifyCommand;
import org.jinlin.app.security.UserAdministration;
import org.jinlin.app.storage.RestoreCommand;
import org.jinlin.app.support.Api;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jinlin.app.support.Api.json;

/** An online backup, more writes, a restore: the store verifies and the service answers as at the backup. */
class BackupRestoreTest {

    private static ConfigurableApplicationContext start(String dataDir) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(JinlinApplication.class).run(
                "--jinlin.data-dir=" + dataDir, "--server.port=0", "--jinlin.security.bcrypt-strength=4",
                "--jinlin.security.admin-password=" + TestUsers.ADMIN_PASSWORD);
        TestUsers.ensure(context.getBean(UserAdministration.class));
        return context;
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void aRestoredBackupVerifiesAndAnswersAsAtTheBackup() {
        String dataDir = ApiTest.newDataDirectory();
        JsonNode ratiosAtBackup;
        String backup;
        try (ConfigurableApplicationContext service = start(dataDir)) {
            Api registrar = api(service).as(TestUsers.REGISTRAR);
            registrar.post("/api/communities", json(Map.of("code", "350821001001", "name", "汀州社区", "kind", "URBAN",
                                                           "townshipName", "汀州镇", "residentPopulation", 9000)));
            registrar.post("/api/mediators", json(Map.of("mediatorId", "CT-1", "name", "邱调解", "employment", "FULL_TIME")));
            String token = registrar.post("/api/mediators/CT-1/appointments",
                                          json(Map.of("communityCode", "350821001001"))).eventToken();
            ratiosAtBackup = api(service).as(TestUsers.ANALYST)
                                         .get("/api/stats/mediator-ratios?consistentWith=" + token).body();

            Api.Response made = api(service).as(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).post("/api/admin/backups", null);
            assertThat(made.status()).isEqualTo(201);
            backup = made.body().path("file").asText();
            assertThat(made.body().path("bytes").asLong()).isPositive();
            assertThat(api(service).as(TestUsers.REGISTRAR).post("/api/admin/backups", null).status()).isEqualTo(403);

            registrar.post("/api/communities", json(Map.of("code", "350821001002", "name", "后来社区", "kind", "URBAN",
                                                           "townshipName", "汀州镇", "residentPopulation", 100)));
        }

        assertThat(RestoreCommand.run(new String[]{"restore", "--backup", backup, "--data", dataDir})).isZero();
        assertThat(VerifyCommand.run(new String[]{"verify", "--data", dataDir})).isZero();

        try (ConfigurableApplicationContext service = start(dataDir)) {
            Api analyst = api(service).as(TestUsers.ANALYST);
            Api registrar = api(service).as(TestUsers.REGISTRAR);
            assertThat(analyst.get("/api/stats/mediator-ratios").body()).isEqualTo(ratiosAtBackup);
            assertThat(registrar.get("/api/communities/350821001002").status()).isEqualTo(404);
            assertThat(registrar.get("/api/communities/350821001001").status()).isEqualTo(200);

            Api admin = api(service).as(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
            int generation = admin.get("/api/admin/projections/mediator-ratios").body().path("readGeneration").asInt();
            admin.post("/api/admin/projections/mediator-ratios/replay", null);
            await().atMost(Duration.ofSeconds(30)).until(() -> admin.get("/api/admin/projections/mediator-ratios")
                                                                    .body().path("readGeneration").asInt() > generation);
            assertThat(analyst.get("/api/stats/mediator-ratios").body()).as("equal to a rebuild").isEqualTo(ratiosAtBackup);
            assertThat(registrar.post("/api/communities", json(Map.of(
                    "code", "350821001002", "name", "后来社区", "kind", "URBAN", "townshipName", "汀州镇",
                    "residentPopulation", 100))).status()).isEqualTo(201);
        }
    }
}
