package org.jinlin.command.registry;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jinlin.kernel.community.CommunityRegistered;
import org.jinlin.kernel.community.CompoundAdded;
import org.jinlin.kernel.mediator.MediatorAppointed;
import org.jinlin.kernel.mediator.MediatorRegistered;
import org.jinlin.kernel.mediator.MediatorRelieved;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Set-based facts the aggregates need to check a command. Runs in a subscribing processor, inside the
 * transaction that appends the events (see {@link org.jinlin.command.handling.CommandSideConfiguration}); a failure here rolls the command
 * back.
 */
@Component
@ProcessingGroup(CommandSideLookups.PROCESSING_GROUP)
public class CommandSideLookups implements CommunityRegistry, CompoundRegistry, MediatorRegistry, AppointmentRegistry {

    public static final String PROCESSING_GROUP = "command-lookups";

    private final JdbcTemplate jdbc;

    public CommandSideLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CommunityRegistered event) {
        jdbc.update("insert into lookup_community (code) values (?)", event.code());
    }

    @EventHandler
    void on(CompoundAdded event) {
        jdbc.update("insert into lookup_compound (community_code, compound_id) values (?, ?)",
                    event.code(), event.compoundId());
    }

    @EventHandler
    void on(MediatorRegistered event) {
        jdbc.update("insert into lookup_mediator (mediator_id) values (?)", event.mediatorId());
    }

    @EventHandler
    void on(MediatorAppointed event) {
        jdbc.update("insert into lookup_appointment (mediator_id, community_code) values (?, ?)",
                    event.mediatorId(), event.communityCode());
    }

    @EventHandler
    void on(MediatorRelieved event) {
        jdbc.update("delete from lookup_appointment where mediator_id = ? and community_code = ?",
                    event.mediatorId(), event.communityCode());
    }

    @Override
    public boolean isRegistered(String communityCode) {
        return exists("select count(*) from lookup_community where code = ?", communityCode);
    }

    @Override
    public boolean hasCompound(String communityCode, String compoundId) {
        return exists("select count(*) from lookup_compound where community_code = ? and compound_id = ?",
                      communityCode, compoundId);
    }

    @Override
    public boolean isMediatorRegistered(String mediatorId) {
        return exists("select count(*) from lookup_mediator where mediator_id = ?", mediatorId);
    }

    @Override
    public boolean isAppointed(String mediatorId, String communityCode) {
        return exists("select count(*) from lookup_appointment where mediator_id = ? and community_code = ?",
                      mediatorId, communityCode);
    }

    private boolean exists(String sql, Object... args) {
        Integer count = jdbc.queryForObject(sql, Integer.class, args);
        return count != null && count > 0;
    }
}
