package org.jinlin.app;

import org.axonframework.config.ProcessingGroup;
import org.jinlin.command.registry.CommandSideLookups;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;

import java.util.Map;

/**
 * What a node runs, from {@code jinlin.role}: {@code all} (the default) runs both sides; {@code command} runs the
 * aggregates, command endpoints and the command side's lookups but no projections; {@code query} runs the
 * projections and read endpoints but takes no commands. Several nodes of each kind can share one PostgreSQL.
 * The web pages both read and send commands, so only {@code all} nodes serve them; put one or more {@code all}
 * nodes behind the address people open in a browser.
 */
public class NodeRoleFilter implements TypeFilter, EnvironmentAware {

    private static final String PAGES = "org.jinlin.app.pages.";

    private String role = "all";

    @Override
    public void setEnvironment(Environment environment) {
        role = environment.getProperty("jinlin.role", "all").trim().toLowerCase();
        if (!role.equals("all") && !role.equals("command") && !role.equals("query")) {
            throw new IllegalStateException("jinlin.role must be all, command or query, not '" + role + "'");
        }
    }

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
        String type = reader.getClassMetadata().getClassName();
        return role.equals("command") && type.startsWith("org.jinlin.query.")
               || role.equals("query") && (type.startsWith("org.jinlin.command.") || inTheCommandTransaction(reader))
               || !role.equals("all") && type.startsWith(PAGES);
    }

    /**
     * Handlers that belong to the command's own transaction (the command side's lookups, erasure of keys) live
     * partly outside the command-side module; a node taking no commands must not run them as a projection.
     */
    private static boolean inTheCommandTransaction(MetadataReader reader) {
        Map<String, Object> group = reader.getAnnotationMetadata().getAnnotationAttributes(ProcessingGroup.class.getName());
        return group != null && CommandSideLookups.PROCESSING_GROUP.equals(group.get("value"));
    }
}
