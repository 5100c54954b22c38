package org.majordome.webchat;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.majordome.api.room.ActionResult;
import org.majordome.api.room.RoomHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one visitor's voice, or lack of it, from passing to the next visitor who enters. Every visitor is an occupant
 * of the same account, and ejabberd remembers the role a moderator last gave an account in a moderated room (its
 * default) and gives it back to that account's next occupant: once one visitor was muted (§8.4), every visitor after
 * them entered without voice; once one was given voice in a room where visitors enter without it (§8.3), every
 * visitor after them had it. Prosody remembers no role, and never enters a visitor with another's.
 *
 * <p>Per room, the role a visitor enters with is learnt from the first one to enter since the gateway started. When a
 * moderator changes a visitor's voice while they are in, the account's remembered role now differs from it; the next
 * visitor who enters with that role, and whose own voice no moderator changed, gets the room's entry role from the bot
 * (a moderator there), which the server then remembers instead. A visitor whose own voice was changed keeps what the
 * server gives them: the moderation plugin mutes its offenders again when they come back, by their web identity.
 *
 * <p>Not covered: a role the server remembered from before the gateway started (the first visitor's role is then
 * taken as the room's), and a moderator's mute of a visitor who comes back after another visitor was let in with
 * voice (the server gives them voice then, as the account's remembered role).
 */
final class SharedRoles {

    private static final Logger log = LoggerFactory.getLogger(SharedRoles.class);
    private static final long WAIT_SECONDS = 30;

    private final WebRooms rooms;
    private final Executor actions;
    /** Per room, the role visitors enter with (the first one seen since the gateway started). */
    private final Map<String, String> entryRole = new ConcurrentHashMap<>();
    /** Per room, the visitors whose voice a moderator changed while they were in, and the role they were given. */
    private final Map<String, Map<Visitor.Identity, String>> changed = new ConcurrentHashMap<>();
    /** Per room, the role the server now remembers for the account, when it differs from the entry role. */
    private final Map<String, String> remembered = new ConcurrentHashMap<>();

    /** @param actions where the bot's role changes wait for the room's answer: off Smack's thread */
    SharedRoles(WebRooms rooms, Executor actions) {
        this.rooms = rooms;
        this.actions = actions;
    }

    /** A visitor entered {@code room} with {@code role} (on Smack's thread: never blocks). */
    void enteredAs(String room, String nick, Visitor.Identity identity, String role) {
        if (!isVoice(role)) {
            return;
        }
        String usual = entryRole.computeIfAbsent(room, first -> role);
        String otherVisitors = remembered.get(room);
        if (role.equals(usual) || !role.equals(otherVisitors) || changedOf(room).containsKey(identity)) {
            return;
        }
        give(room, nick, usual);
    }

    /** A moderator changed the role of {@code identity}'s session in {@code room} while they were in. */
    void roleChanged(String room, Visitor.Identity identity, String role) {
        if (!isVoice(role)) {
            return;
        }
        String usual = entryRole.get(room);
        if (role.equals(usual)) {
            changedOf(room).remove(identity);
            remembered.remove(room);
        } else {
            changedOf(room).put(identity, role);
            remembered.put(room, role);
        }
    }

    private Map<Visitor.Identity, String> changedOf(String room) {
        return changed.computeIfAbsent(room, key -> new ConcurrentHashMap<>());
    }

    private void give(String room, String nick, String role) {
        Optional<RoomHandle> handle = rooms.handle(room);
        // The change's answer comes back as a role change, which resets what the server remembers for the account.
        handle.ifPresent(found -> actions.execute(() -> {
            CompletionStage<ActionResult> change = "participant".equals(role) ? found.grantVoice(nick)
                    : found.revokeVoice(nick);
            try {
                ActionResult result = change.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
                log.info("Room {}: web visitor {} entered as {} because another visitor was made one; now {}: {}",
                        room, nick, "participant".equals(role) ? "visitor" : "participant", role, result);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.warn("Room {}: could not give web visitor {} the role visitors enter with ({}): {}", room, nick,
                        role, e.toString());
            }
        }));
    }

    private static boolean isVoice(String role) {
        return "visitor".equals(role) || "participant".equals(role);
    }
}
