package org.majordome.plugins.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.console.ConsolePage;
import org.majordome.console.ConsoleRequest;
import org.majordome.console.Operator;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.ServerSettings;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * User scenario (issue 19): a bot admin opens the operator console's schedule page and finds the notice due in two
 * minutes, with its plugin and its next run in UTC; an owner of another room does not see it. The page is called as
 * the console calls it, on the running bot.
 */
@Proves(Feature.TOPIC_AND_NOTICES)
@ClassTemplate
class ConsoleScheduleIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension(ServerSettings.defaults());

    @Test
    void theSchedulePageListsANoticeDueInTwoMinutes() throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("consoleschedule");
        ZonedDateTime due = Instant.now().plus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.MINUTES)
                .atZone(ZoneOffset.UTC);
        String cron = "0 " + due.getMinute() + " " + due.getHour() + " " + due.getDayOfMonth() + " "
                + due.getMonthValue() + " ? " + due.getYear();
        try (BotUnderTest bot = BotUnderTest.builder(servers.server()).room(room, "notices")
                .dataDirectory(Files.createTempDirectory(Path.of("target"), "console-schedule-it"))
                .pluginConfig("notices", """
                        zone: UTC
                        notices:
                          - name: house-rules
                            text: "Please read the house rules"
                            schedule: "%s"
                        """.formatted(cron)).start()) {
            bot.awaitJoined(room);
            ConsolePage schedule = bot.bot().consolePage("schedule").orElseThrow();
            Operator admin = new Operator("root@" + servers.server().domain(), true, Set.of());
            String expected = String.format("%04d-%02d-%02d %02d:%02d UTC", due.getYear(), due.getMonthValue(),
                    due.getDayOfMonth(), due.getHour(), due.getMinute());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(schedule.get(
                    new ConsoleRequest(admin, "", Map.of(), "token")).toString())
                    .contains("<td>notices</td>").contains("house-rules").contains("<td>" + expected + "</td>"));
            Operator otherOwner = new Operator("other@" + servers.server().domain(), false, Set.of("other@example.org"));
            assertThat(schedule.get(new ConsoleRequest(otherOwner, "", Map.of(), "token")).toString())
                    .doesNotContain("house-rules");
        }
    }
}
