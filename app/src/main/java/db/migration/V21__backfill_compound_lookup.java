package db.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Fills {@code lookup_compound} from the compounds added before it existed, so that disputes can be reported in
 * them after an upgrade. The compound id is only in the event's JSON payload, which H2 and PostgreSQL cannot both
 * read in SQL; here it is read the way Axon's Jackson serializer wrote it.
 */
public class V21__backfill_compound_lookup extends BaseJavaMigration {

    static final String COMPOUND_ADDED = "org.jinlin.kernel.community.CompoundAdded";

    @Override
    public void migrate(Context context) throws SQLException, IOException {
        ObjectMapper json = new ObjectMapper();
        Connection connection = context.getConnection();
        try (PreparedStatement select = connection.prepareStatement(
                     "select payload from domain_event_entry where payload_type = ? order by global_index");
             PreparedStatement insert = connection.prepareStatement(
                     "insert into lookup_compound (community_code, compound_id) values (?, ?)")) {
            select.setString(1, COMPOUND_ADDED);
            try (ResultSet events = select.executeQuery()) {
                while (events.next()) {
                    JsonNode payload = json.readTree(events.getBytes(1));
                    insert.setString(1, payload.path("code").asText());
                    insert.setString(2, payload.path("compoundId").asText());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
