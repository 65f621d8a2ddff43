package org.jinlin.query;

import org.springframework.boot.SpringBootConfiguration;

/**
 * The configuration of projection tests under {@code org.jinlin.query}: {@code @JdbcTest} brings the data source,
 * Flyway and JdbcTemplate; the tests build the projection they test themselves.
 */
@SpringBootConfiguration
public class ReadModelTestConfiguration {
}
