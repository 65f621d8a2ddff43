package org.jinlin.app;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The axonserver profile switches Axon's connector on from {@code axonserver.properties}: the service builds its
 * connection to Axon Server from the servers, context, token, TLS and keep-alive settings in that file, and a
 * start with no Axon Server at those addresses fails within the connect timeout, naming the address, instead of
 * running a node that can take no command. (No Axon Server runs here; the wiring is checked on the beans built.)
 */
class AxonServerProfileTest {

    @Test
    void theProfileConnectsAsConfiguredAndFailsClearlyWhenAxonServerIsUnreachable() throws Exception {
        Path dataDir = Path.of(ApiTest.newDataDirectory());
        String address = "127.0.0.1:" + closedPort();
        Path properties = dataDir.resolve("axonserver.properties");
        Files.writeString(properties, String.join("\n",
                "axon.axonserver.servers=" + address,
                "axon.axonserver.context=jinlin-fujian",
                "axon.axonserver.token=access-token-for-tests",
                "axon.axonserver.ssl-enabled=true",
                "axon.axonserver.keep-alive-time=2000",
                "axon.axonserver.keep-alive-timeout=3000",
                "axon.axonserver.connect-timeout=1500", ""));

        Map<Class<?>, Object> built = new ConcurrentHashMap<>();
        Instant started = Instant.now();
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(JinlinApplication.class)
                .profiles("axonserver")
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                    @Override
                    public Object postProcessAfterInitialization(Object bean, String name) {
                        if (bean instanceof AxonServerConnectionManager || bean instanceof AxonServerConfiguration) {
                            built.put(bean instanceof AxonServerConfiguration ? AxonServerConfiguration.class
                                                                              : AxonServerConnectionManager.class, bean);
                        }
                        return bean;
                    }
                }))
                .run("--JINLIN_AXONSERVER_PROPERTIES=" + properties, "--jinlin.data-dir=" + dataDir,
                     "--server.port=0", "--jinlin.security.admin-password=" + TestUsers.ADMIN_PASSWORD,
                     "--jinlin.security.bcrypt-strength=4", "--logging.level.root=WARN",
                     // Logging is one per JVM: keep the service's INFO lines that log tests in this JVM capture.
                     "--logging.level.org.jinlin=INFO"));

        AxonServerConfiguration configuration = (AxonServerConfiguration) built.get(AxonServerConfiguration.class);
        assertThat(configuration).as("the profile turns the Axon Server connector on").isNotNull();
        assertThat(configuration.getServers()).isEqualTo(address);
        assertThat(configuration.getContext()).isEqualTo("jinlin-fujian");
        assertThat(configuration.getToken()).isEqualTo("access-token-for-tests");
        assertThat(configuration.isSslEnabled()).isTrue();
        assertThat(configuration.getKeepAliveTime()).isEqualTo(2000);
        assertThat(configuration.getKeepAliveTimeout()).isEqualTo(3000);
        AxonServerConnectionManager connections = (AxonServerConnectionManager) built.get(AxonServerConnectionManager.class);
        assertThat(connections).as("a connection manager is built").isNotNull();
        assertThat(connections.getDefaultContext()).isEqualTo("jinlin-fujian");

        assertThat(failure).as("a start without a reachable Axon Server fails").isNotNull();
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof IllegalStateException)) {
            cause = cause.getCause();
        }
        assertThat(cause).hasMessageContaining("Axon Server is not reachable at " + address)
                         .hasMessageContaining("context 'jinlin-fujian'")
                         .hasMessageContaining("axonserver.properties");
        assertThat(Duration.between(started, Instant.now())).as("the start gives up after the connect timeout")
                                                            .isLessThan(Duration.ofSeconds(60));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
