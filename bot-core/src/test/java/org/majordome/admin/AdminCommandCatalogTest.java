package org.majordome.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.majordome.api.admin.AdminCommand;
import org.majordome.api.admin.AdminCommands;
import org.majordome.api.admin.AdminRequest;
import org.majordome.api.admin.AdminResult;

class AdminCommandCatalogTest {

    private final AdminCommandCatalog catalog = new AdminCommandCatalog();

    private static AdminCommand command(String node) {
        return new AdminCommand() {
            @Override
            public String node() {
                return node;
            }

            @Override
            public String name() {
                return "Command " + node;
            }

            @Override
            public AdminResult run(AdminRequest request) {
                return AdminResult.done(node);
            }
        };
    }

    @Test
    void aNodeIsOfferedOnceAndTheRefusalNamesItsOwner() {
        catalog.forOwner("moderation").offer(command("cases"));

        assertThatThrownBy(() -> catalog.forOwner("other").offer(command("cases")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already offered by moderation");
    }

    @Test
    void malformedNodesAreRefused() {
        assertThatThrownBy(() -> catalog.forOwner("p").offer(command("has space")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'has space'");
    }

    @Test
    void withdrawingAnOwnerLeavesTheOthersAndARegistrationClosesOnce() {
        catalog.forOwner(AdminCommandCatalog.RUNTIME).offer(command("status"));
        catalog.forOwner("moderation").offer(command("moderation/cases"));
        AdminCommands.Registration log = catalog.forOwner("moderation").offer(command("moderation/log"));

        log.close();
        log.close();
        assertThat(catalog.commands()).extracting(AdminCommand::node).containsExactly("status", "moderation/cases");

        catalog.withdrawAll("moderation");
        assertThat(catalog.commands()).extracting(AdminCommand::node).containsExactly("status");
    }
}
