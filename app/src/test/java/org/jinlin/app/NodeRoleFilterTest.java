package org.jinlin.app;

import org.jinlin.command.registry.CommandSideLookups;
import org.jinlin.command.web.CommandSender;
import org.jinlin.query.ratio.MediatorRatioProjection;
import org.junit.jupiter.api.Test;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.mock.env.MockEnvironment;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What each {@code jinlin.role} leaves out of a node: a command node runs no projection and no read endpoint; a
 * query node runs no aggregate, command endpoint or handler of the command's own transaction; every node keeps
 * what both need (security, administration). A mistyped role stops the start instead of running everything.
 */
class NodeRoleFilterTest {

    private final MetadataReaderFactory readers = new SimpleMetadataReaderFactory();

    // Package-private components, so named.
    private static final String ERASURE_OF_KEYS = "org.jinlin.app.privacy.ErasureOfKeys";
    private static final String RATIO_CONTROLLER = "org.jinlin.query.ratio.MediatorRatioController";
    private static final String USER_ADMIN_CONTROLLER = "org.jinlin.app.security.UserAdminController";
    private static final String WORKBENCH_PAGES = "org.jinlin.app.pages.WorkbenchController";
    private static final List<String> COMPONENTS = List.of(WORKBENCH_PAGES,
            CommandSender.class.getName(), CommandSideLookups.class.getName(), ERASURE_OF_KEYS,
            MediatorRatioProjection.class.getName(), RATIO_CONTROLLER,
            USER_ADMIN_CONTROLLER);

    private List<String> leftOut(String role) throws IOException {
        NodeRoleFilter filter = new NodeRoleFilter();
        filter.setEnvironment(new MockEnvironment().withProperty("jinlin.role", role));
        List<String> excluded = new java.util.ArrayList<>();
        for (String type : COMPONENTS) {
            if (filter.match(readers.getMetadataReader(type), readers)) {
                excluded.add(type);
            }
        }
        return excluded;
    }

    @Test
    void eachRoleLeavesOutTheOtherSide() throws IOException {
        assertThat(leftOut("all")).isEmpty();
        assertThat(leftOut("command")).containsExactlyInAnyOrder(MediatorRatioProjection.class.getName(),
                                                                 RATIO_CONTROLLER, WORKBENCH_PAGES);
        assertThat(leftOut(" Query ")).containsExactlyInAnyOrder(CommandSender.class.getName(),
                                                                 CommandSideLookups.class.getName(), ERASURE_OF_KEYS,
                                                                 WORKBENCH_PAGES);
    }

    @Test
    void anUnknownRoleStopsTheStart() {
        NodeRoleFilter filter = new NodeRoleFilter();
        assertThatThrownBy(() -> filter.setEnvironment(new MockEnvironment().withProperty("jinlin.role", "reader")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jinlin.role must be all, command or query, not 'reader'");
    }
}
