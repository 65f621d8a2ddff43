package org.jinlin.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.jinlin.app.JinlinApplication;
import org.jinlin.app.security.UserAdministration;
import org.jinlin.app.support.Api;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jinlin.app.support.Api.json;

/**
 * The record proves it was not altered: one payload byte changed with SQL, or one event deleted, and the
 * verifier (over HTTP and offline) names exactly that event.
 */
class TamperEvidenceTest {

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
    void anAlteredPayloadByteAndADeletedEventAreNamedByTheVerifier() throws Exception {
        String dataDir = ApiTest.newDataDirectory();
        try (ConfigurableApplicationContext service = start(dataDir)) {
            Api registrar = api(service).as(TestUsers.REGISTRAR);
            registrar.post("/api/communities", json(Map.of("code", "350824001001", "name", "武平社区", "kind", "URBAN",
                                                           "townshipName", "平川街道", "residentPopulation", 8000)));
            for (int i = 0; i < 3; i++) {
                registrar.put("/api/communities/350824001001/population", json(Map.of("residentPopulation", 8001 + i)));
            }
            registrar.post("/api/mediators", json(Map.of("mediatorId", "WP-1", "name", "钟调解", "employment", "FULL_TIME")));
            registrar.post("/api/mediators/WP-1/appointments", json(Map.of("communityCode", "350824001001")));
            registrar.post("/api/mediators/WP-1/reliefs", json(Map.of("communityCode", "350824001001", "reason", "调任")));

            JsonNode clean = api(service).as(TestUsers.AUDITOR).get("/api/audit/verify").body();
            assertThat(clean.path("firstBrokenAt").isNull()).isTrue();
            assertThat(clean.path("eventsChecked").asLong()).isEqualTo(7);
        }
        assertThat(offlineVerify(dataDir).exitCode()).isZero();

        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dataDir + "/jinlin", "sa", "")) {
            byte[] payload;
            try (PreparedStatement select = db.prepareStatement("select payload from domain_event_entry "
                                                                + "where aggregate_identifier = ? and sequence_number = 2")) {
                select.setString(1, "350824001001");
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    payload = row.getBytes(1);
                }
            }
            String text = new String(payload, StandardCharsets.UTF_8);
            int digit = text.indexOf("8002") + 3;
            payload[digit] = (byte) '9';
            try (PreparedStatement update = db.prepareStatement("update domain_event_entry set payload = ? "
                                                                + "where aggregate_identifier = ? and sequence_number = 2")) {
                update.setBytes(1, payload);
                update.setString(2, "350824001001");
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            try (PreparedStatement delete = db.prepareStatement("delete from domain_event_entry "
                                                                + "where aggregate_identifier = 'WP-1' and sequence_number = 1")) {
                assertThat(delete.executeUpdate()).isEqualTo(1);
            }
        }

        Offline tampered = offlineVerify(dataDir);
        assertThat(tampered.exitCode()).isEqualTo(1);
        assertThat(tampered.output()).contains("stream 350824001001, event 2", "altered",
                                               "stream WP-1, event 2", "event 1 of the stream is missing");

        try (ConfigurableApplicationContext service = start(dataDir)) {
            JsonNode report = api(service).as(TestUsers.AUDITOR).get("/api/audit/verify").body();
            assertThat(report.path("brokenEvents").asLong()).isEqualTo(2);
            assertThat(report.path("firstBrokenAt").path("aggregateId").asText()).isEqualTo("350824001001");
            assertThat(report.path("firstBrokenAt").path("sequenceNumber").asLong()).isEqualTo(2);
            assertThat(report.path("broken").get(1).path("aggregateId").asText()).isEqualTo("WP-1");
            assertThat(report.path("broken").get(1).path("problem").asText()).contains("missing");
        }
    }

    private record Offline(int exitCode, String output) {
    }

    private static Offline offlineVerify(String dataDir) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = VerifyCommand.run(new String[]{"verify", "--data", dataDir});
            return new Offline(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }
}
