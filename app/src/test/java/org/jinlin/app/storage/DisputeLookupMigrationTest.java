package org.jinlin.app.storage;

import org.axonframework.serialization.json.JacksonSerializer;
import org.jinlin.kernel.community.CommunityKind;
import org.jinlin.kernel.community.CommunityRegistered;
import org.jinlin.kernel.community.CompoundAdded;
import org.jinlin.kernel.mediator.MediatorEmployment;
import org.jinlin.kernel.mediator.MediatorRegistered;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that held communities, compounds and mediators before the dispute lookups existed: after the upgrade
 * (V20, V21) disputes can be reported in those compounds and assigned to those mediators, on H2 and on PostgreSQL.
 */
class DisputeLookupMigrationTest {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();

    @Test
    void compoundsAndMediatorsStoredBeforeTheUpgradeAreInTheLookupsOnH2() {
        upgradeAndCheck(UpgradedStores.h2());
    }

    @Test
    void compoundsAndMediatorsStoredBeforeTheUpgradeAreInTheLookupsOnPostgres() throws IOException {
        UpgradedStores.onPostgres(DisputeLookupMigrationTest::upgradeAndCheck);
    }

    private static void upgradeAndCheck(DataSource dataSource) {
        UpgradedStores.migrate(dataSource, "3");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        store(jdbc, "350802001001", 0, new CommunityRegistered("350802001001", "东城社区", CommunityKind.URBAN, "东城街道", 100));
        store(jdbc, "350802001001", 1, new CompoundAdded("350802001001", "C1", "幸福小区"));
        store(jdbc, "350802001001", 2, new CompoundAdded("350802001001", "C2", "和谐小区"));
        store(jdbc, "M-1", 0, new MediatorRegistered("M-1", "张调解", MediatorEmployment.FULL_TIME));
        store(jdbc, "M-2", 0, new MediatorRegistered("M-2", "李调解", MediatorEmployment.PART_TIME));

        UpgradedStores.migrate(dataSource, "latest");

        assertThat(jdbc.queryForList("select compound_id from lookup_compound where community_code = ? "
                                     + "order by compound_id", String.class, "350802001001"))
                .containsExactly("C1", "C2");
        assertThat(jdbc.queryForList("select mediator_id from lookup_mediator order by mediator_id", String.class))
                .containsExactly("M-1", "M-2");
    }


    private static void store(JdbcTemplate jdbc, String aggregateId, long sequence, Object event) {
        jdbc.update("""
                    insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                    payload_type, payload, time_stamp)
                    values (?, ?, ?, ?, ?, ?, ?)""",
                    UUID.randomUUID().toString(), aggregateId, sequence,
                    event instanceof MediatorRegistered ? "Mediator" : "Community", event.getClass().getName(),
                    SERIALIZER.serialize(event, byte[].class).getData(), "2021-04-19T08:00:00Z");
    }
}
