package org.jinlin.app;

import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.Codes;
import org.jinlin.app.support.TestUsers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jinlin.app.support.Api.json;

class UserAdministrationApiTest extends ApiTest {

    @Test
    void theBootstrapAdminComesFromTheConfiguredPassword() {
        assertThat(admin().get("/api/admin/users").status()).isEqualTo(200);
        assertThat(api.as("admin", "not-the-password").get("/api/admin/users").status()).isEqualTo(401);
    }

    @Test
    void anAdminCreatesAUserWhoCanThenActInTheirRole() {
        String username = Codes.id("reg").toLowerCase();
        var created = admin().post("/api/admin/users", json(Map.of(
                "username", username, "password", "a-long-password", "roles", List.of("REGISTRAR"))));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("roles").get(0).asText()).isEqualTo("REGISTRAR");
        assertThat(created.text()).doesNotContain("a-long-password", "bcrypt", "$2a$");

        var registered = api.as(username, "a-long-password").post("/api/mediators", json(Map.of(
                "mediatorId", Codes.id("M"), "name", "王五", "employment", "PART_TIME")));
        assertThat(registered.status()).isEqualTo(201);

        assertThat(admin().delete("/api/admin/users/" + username).status()).isEqualTo(204);
        assertThat(api.as(username, "a-long-password").get("/api/mediators").status()).isEqualTo(401);
        assertThat(admin().delete("/api/admin/users/" + username).status()).isEqualTo(404);
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        String username = Codes.id("hash").toLowerCase();
        userAdministration.create(new org.jinlin.app.security.UserAdministration.NewUser(
                username, "another-password", List.of("ANALYST"), null, null));
        assertThat(userAdministration.all()).filteredOn(u -> u.username().equals(username))
                                            .singleElement()
                                            .satisfies(u -> assertThat(u.passwordHash()).startsWith("{bcrypt}$2a$"));
    }

    @Test
    void invalidUsersAreRefusedWithEveryField() {
        var invalid = admin().post("/api/admin/users", json(Map.of(
                "username", "x", "password", "short", "roles", List.of("KING"))));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().path("errors").findValuesAsText("field"))
                .containsExactly("username", "password", "roles");
    }

    @Test
    void aDuplicateUserIsAConflictAndTheLastAdminStays() {
        var duplicate = admin().post("/api/admin/users", json(Map.of(
                "username", TestUsers.REGISTRAR, "password", "a-long-password", "roles", List.of("REGISTRAR"))));
        assertThat(duplicate.status()).isEqualTo(409);
        var lastAdmin = admin().delete("/api/admin/users/admin");
        assertThat(lastAdmin.status()).isEqualTo(409);
        assertThat(lastAdmin.body().path("detail").asText()).contains("last ADMIN");
    }

    @Test
    void onlyAdminsManageUsers() {
        String body = json(Map.of("username", "someone", "password", "a-long-password", "roles", List.of("ADMIN")));
        assertThat(api.as(TestUsers.REGISTRAR).post("/api/admin/users", body).status()).isEqualTo(403);
        assertThat(api.as(TestUsers.AUDITOR).get("/api/admin/users").status()).isEqualTo(403);
        assertThat(api.anonymous().delete("/api/admin/users/registrar").status()).isEqualTo(401);
    }
}
