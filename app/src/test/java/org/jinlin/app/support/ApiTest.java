package org.jinlin.app.support;

import org.jinlin.app.security.UserAdministration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The whole service on a random port with real security, on its own H2 file database. Test classes extending
 * this share one application context, so they use ids of their own and assert on what they created.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "jinlin.security.admin-password=" + TestUsers.ADMIN_PASSWORD,
        "jinlin.security.bcrypt-strength=4"})
public abstract class ApiTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected UserAdministration userAdministration;

    protected Api api;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("jinlin.data-dir", ApiTest::newDataDirectory);
    }

    @BeforeEach
    void connect() {
        TestUsers.ensure(userAdministration);
        api = new Api(port);
    }

    protected Api registrar() {
        return api.as(TestUsers.REGISTRAR);
    }

    protected Api analyst() {
        return api.as(TestUsers.ANALYST);
    }

    protected Api admin() {
        return api.as(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    }

    public static String newDataDirectory() {
        try {
            return Files.createTempDirectory("jinlin-test-").toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
