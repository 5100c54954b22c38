package org.majordome.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.majordome.api.text.Wording;
import org.majordome.config.BotConfig;
import org.majordome.config.RoomSettings;
import org.majordome.config.RoomState;

/**
 * What {@code check-config} says about the rooms a file retires ({@code state: destroyed}): every room it declares
 * destroyed, which a start destroys; and, compared with the configuration the bot runs ({@code --running}), the rooms
 * a reload to this file would destroy ({@link RoomState#destroyedByReload}, as the reload itself decides).
 */
final class RetiredRoomsReport {

    private RetiredRoomsReport() {
    }

    /** The report's lines, none when the file retires no room and no running configuration was given. */
    static List<String> lines(Path file, BotConfig config, Optional<BotConfig> running, Wording words) {
        List<RoomSettings> declared = config.rooms().stream().filter(room -> room.state().destroyed()).toList();
        if (running.isPresent()) {
            List<RoomSettings> destroyed = RoomState.destroyedByReload(running.get().rooms(), config.rooms());
            return List.of(destroyed.isEmpty()
                    ? words.format("check.retired.by-reload.none", file.toString(), running.get().source().toString())
                    : words.format("check.retired.by-reload", file.toString(), running.get().source().toString(),
                            destroyed.size(), describe(destroyed)));
        }
        if (declared.isEmpty()) {
            return List.of();
        }
        return List.of(words.format("check.retired.declared", file.toString(), describe(declared)));
    }

    private static String describe(List<RoomSettings> rooms) {
        return rooms.stream().map(room -> room.jid() + (room.state().details().isEmpty() ? ""
                : " (" + room.state().details() + ")")).collect(Collectors.joining(", "));
    }
}
