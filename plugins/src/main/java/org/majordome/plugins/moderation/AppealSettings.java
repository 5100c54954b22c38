package org.majordome.plugins.moderation;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.majordome.api.text.ConfigRefusal;

/**
 * The {@code appeals} settings of the moderation plugin (plugin-wide, or a room's under {@code rooms}): whether a
 * sanctioned person may appeal their case ({@code !appeal}), where appeals go, and how often one may appeal.
 *
 * @param enabled      appeals are taken in this room (on by default: an appeal costs nothing until someone
 *                     sanctioned writes, and a wrongly sanctioned person otherwise has no way back)
 * @param staffRoom    a room of the bot where appeals are posted (and may be decided); empty: private messages to
 *                     the room's present moderators
 * @param maxAppeals   how many appeals one person may file per {@code per}
 * @param per          the rate limit's period
 * @param replyWindow  a plain direct message to the bot this soon after the notice of a sanction is taken as the
 *                     appeal of that case; zero: only {@code !appeal} is
 */
public record AppealSettings(boolean enabled, Optional<String> staffRoom, int maxAppeals, Duration per,
                             Duration replyWindow) {

    public AppealSettings {
        Objects.requireNonNull(staffRoom, "staffRoom");
        staffRoom = staffRoom.map(TextNormalizer::lower);
        if (maxAppeals <= 0) {
            throw new ConfigRefusal("appeals.max-appeals", "config.positive", maxAppeals);
        }
        Objects.requireNonNull(per, "per");
        if (per.isNegative() || per.isZero()) {
            throw new ConfigRefusal("appeals.per", "config.positive-duration");
        }
        Objects.requireNonNull(replyWindow, "replyWindow");
        if (replyWindow.isNegative()) {
            throw new ConfigRefusal("appeals.reply-window", "config.not-negative");
        }
    }

    public static AppealSettings defaults() {
        return new AppealSettings(true, Optional.empty(), 3, Duration.ofHours(24), Duration.ofMinutes(30));
    }
}
