package org.majordome.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jxmpp.jid.impl.JidCreate;
import org.majordome.config.BotConfig;
import org.majordome.config.WebSettings;
import org.majordome.console.ConfigPage;
import org.majordome.api.text.Wording;
import org.majordome.console.ConsoleApp;
import org.majordome.console.ConsolePage;
import org.majordome.console.LoginStore;
import org.majordome.console.Reloads;
import org.majordome.console.RoomsPage;
import org.majordome.room.RoomKeeper;
import org.majordome.store.Database;
import org.majordome.text.Phrase;
import org.majordome.text.TextService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The operator console, registered (by {@link RunningBot#start}) only when {@code web.console} is enabled: a
 * {@code web.WebApp} bean serving every {@link ConsolePage} bean, and the console's own pages (rooms,
 * configuration). The login link goes out as a direct message from the bot's own account.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    @Bean
    RoomsPage roomsPage(RoomKeeper rooms) {
        return new RoomsPage(rooms::views, jid -> Optional.ofNullable(JidCreate.entityBareFromOrNull(jid))
                .flatMap(rooms::retryJoin).isPresent());
    }

    @Bean
    ConfigPage configPage(ObjectProvider<ConfigReloader> reloader) {
        return new ConfigPage(() -> reloader.getObject().current(), new Reloads() {
            @Override
            public Report check(Wording words) {
                return report(reloader.getObject().check(System.getenv()), words);
            }

            @Override
            public Report apply(Wording words) {
                return report(reloader.getObject().reload(System.getenv()), words);
            }
        });
    }

    static Reloads.Report report(ConfigReloader.Result result, Wording words) {
        return switch (result) {
            case ConfigReloader.Rejected rejected -> new Reloads.Report(false, rejected.problems(words));
            case ConfigReloader.Applied applied -> {
                List<String> lines = new ArrayList<>(Phrase.in(applied.changes(), words));
                lines.addAll(Phrase.in(applied.warnings(), words));
                yield new Reloads.Report(true, lines);
            }
        };
    }

    @Bean
    ConsoleApp consoleApp(BotConfig config, ObjectProvider<ConsolePage> pages, RoomKeeper rooms,
                          ObjectProvider<ConfigReloader> reloader, Clock clock, Database database) {
        WebSettings web = config.web().orElseThrow();
        return new ConsoleApp(web.console().orElseThrow(), config.connection().nick().toString(),
                pages.orderedStream().toList(), () -> reloader.getObject().current().admins(), rooms::views, rooms,
                () -> new TextService(PluginRuntime.textSettings(reloader.getObject().current()), rooms.senderLanguages(),
                        plugin -> Optional.empty()).runtime().byDefault(),
                web.publicUrl(), clock, config.runtime().language(), LoginStore.in(database));
    }
}
