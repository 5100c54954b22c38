package org.majordome.app;

import java.time.Clock;

import org.majordome.config.BotConfig;
import org.majordome.config.WebSettings;
import org.majordome.dispatch.NickChecks;
import org.majordome.room.RoomKeeper;
import org.majordome.store.Database;
import org.majordome.store.StorageService;
import org.majordome.webchat.WebChat;
import org.majordome.xmpp.GuestConnections;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The web chat, registered (by {@link RunningBot#start}) only when {@code web.chat} is configured: a
 * {@code web.WebApp} bean for the embedded server, and the gateway the rooms ask before banning one of its visitors;
 * the gateway asks the plugins' nick checks before a visitor joins.
 */
@Configuration(proxyBeanMethods = false)
class WebChatConfiguration {

    @Bean(destroyMethod = "close")
    WebChat webChat(BotConfig config, RoomKeeper rooms, Database database, ObjectProvider<ConfigReloader> reloader,
                    NickChecks nickChecks, Clock clock) {
        WebChat chat = new WebChat(config.web().flatMap(WebSettings::chat).orElseThrow(),
                new GuestConnections(config.connection()), () -> reloader.getObject().current().rooms(), rooms,
                new StorageService(database).forPlugin(WebChat.STORAGE), nickChecks, clock);
        rooms.useGatewayBans(chat.bans());
        return chat;
    }
}
