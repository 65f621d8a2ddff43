package org.jinlin.bench;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The service's durability rule on embedded H2 (app DurableH2Commits) for the baselines: after every commit the
 * connection issues {@code CHECKPOINT}, so a commit is in the file before the caller goes on. The baselines pay
 * what the service pays.
 */
public final class CheckpointingDataSource extends DelegatingDataSource {

    public CheckpointingDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return checkpointing(super.getConnection());
    }

    private static Connection checkpointing(Connection connection) {
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
                        try (Statement checkpoint = connection.createStatement()) {
                            checkpoint.execute("CHECKPOINT");
                        }
                    }
                    return result;
                });
    }
}
