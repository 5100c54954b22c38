package org.majordome.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.majordome.api.NoConfig;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.admin.AdminCommand;
import org.majordome.api.admin.AdminRequest;
import org.majordome.api.admin.AdminResult;

/** A plugin offers an administration command through its context; it goes when the plugin stops. */
class AdminCommandsKitTest {

    public static final class CasesPlugin implements Plugin<NoConfig> {
        @Override
        public String id() {
            return "cases";
        }

        @Override
        public Class<NoConfig> configType() {
            return NoConfig.class;
        }

        @Override
        public void start(PluginContext<NoConfig> context) {
            context.adminCommands().offer(new AdminCommand() {
                @Override
                public String node() {
                    return "cases/recent";
                }

                @Override
                public String name() {
                    return "Recent cases";
                }

                @Override
                public AdminResult run(AdminRequest request) {
                    return AdminResult.done("no case, " + request.requester());
                }
            });
        }

        @Override
        public void stop() {
        }
    }

    @Test
    void anOfferedCommandRunsAndIsWithdrawnWhenThePluginStops() {
        try (PluginTestKit kit = PluginTestKit.builder().plugin(new CasesPlugin()).room("lobby@conference.localhost").start()) {
            AdminCommand command = kit.adminCommand("cases/recent").orElseThrow();

            assertThat(command.run(new AdminRequest("boss@localhost", Map.of())))
                    .isEqualTo(AdminResult.done("no case, boss@localhost"));

            kit.stopPlugins();
            assertThat(kit.adminCommand("cases/recent")).isEmpty();
        }
    }
}
