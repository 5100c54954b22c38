package org.majordome.webchat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.event.Affiliation;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.AffiliationChange;
import org.majordome.api.room.AffiliationEntry;
import org.majordome.api.room.RoomHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the web account's affiliation back in a room after someone outcast it on the server (XEP-0045 §9.1):
 * every visitor shares that account, so an outcast would keep them all out. The bot, an owner or admin there,
 * sets the affiliation the account had (§9.2 lifts the ban). A room that declares its people gets the declared
 * one back at the bot's next check anyway: the two agree, since the account is never declared an outcast.
 */
final class AccountKeeper {

    private static final Logger log = LoggerFactory.getLogger(AccountKeeper.class);
    private static final long WAIT_SECONDS = 30;

    private final EntityBareJid account;
    private final WebRooms rooms;
    /** Rooms where the account was put back after a ban, until a visitor entered there with voice again. */
    private final Set<String> afterBan = ConcurrentHashMap.newKeySet();
    /** The role the last visitor entered each room with. */
    private final Map<String, String> lastRole = new ConcurrentHashMap<>();

    AccountKeeper(EntityBareJid account, WebRooms rooms) {
        this.account = account;
        this.rooms = rooms;
    }

    /**
     * A visitor entered {@code room} with {@code role}; never blocks. ejabberd remembers the role an outcast left with
     * (none) for the bare JID and gives it back as {@code visitor} at the next entry, even once the outcast is lifted:
     * after a ban the bot put back, in a room where visitors had voice (or none entered yet), the first visitor to
     * enter without voice gets it from the bot (§8.3), which ejabberd then remembers instead.
     */
    void enteredAs(String room, String nick, String role) {
        if (!"visitor".equals(role) || !afterBan.remove(room)) {
            lastRole.put(room, role);
            return;
        }
        Optional<RoomHandle> handle = rooms.handle(room);
        // Off Smack's thread: the grant waits for the room.
        handle.ifPresent(found -> Thread.ofVirtual().start(() -> {
            try {
                ActionResult result = found.grantVoice(nick).toCompletableFuture().get(WAIT_SECONDS,
                        TimeUnit.SECONDS);
                log.info("Room {}: web visitor {} entered without voice after the account's ban; giving it back: {}",
                        room, nick, result);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                log.warn("Room {}: could not give voice back to web visitor {}: {}", room, nick, e.toString());
            }
        }));
    }

    /**
     * Lifts the account's outcast in {@code room} when the room's ban list names it (someone banned the account while
     * no visitor was in); blocks until the room answered.
     *
     * @return whether the account was an outcast there and is not any more
     */
    boolean liftIfOutcast(String room) {
        Optional<RoomHandle> handle = rooms.handle(room);
        if (handle.isEmpty()) {
            return false;
        }
        try {
            Optional<List<AffiliationEntry>> outcasts = handle.get().affiliations().list(Affiliation.OUTCAST)
                    .toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
            boolean listed = outcasts.orElse(List.of()).stream()
                    .anyMatch(entry -> entry.jid().equalsIgnoreCase(account.toString()));
            if (!listed) {
                return false;
            }
            log.warn("Room {}: the web chat's shared account {} was banned on the server while no visitor was in; "
                    + "the bot lifts it (ban visitors one by one with the bot's ban)", room, account);
            return restore(room, "none");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("Room {}: could not read the ban list to find the web account: {}", room, e.toString());
            return false;
        }
    }

    /**
     * Gives the account back its affiliation in {@code room}; blocks until the room answered.
     *
     * @param affiliation what it was ({@code none}, {@code member}; anything else is put back as none)
     * @return whether the room took it
     */
    boolean restore(String room, String affiliation) {
        Optional<RoomHandle> handle = rooms.handle(room);
        if (handle.isEmpty()) {
            log.warn("Room {}: the web account {} stays an outcast: the bot does not keep the room", room, account);
            return false;
        }
        Affiliation back = "member".equals(affiliation.toLowerCase(Locale.ROOT)) ? Affiliation.MEMBER
                : Affiliation.NONE;
        try {
            List<AffiliationChange.Result> results = handle.get().affiliations()
                    .change(List.of(new AffiliationChange(account.toString(), back,
                            Optional.of("the web chat's shared account: visitors are banned one by one"))))
                    .toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
            boolean done = results.stream().allMatch(result -> result.result().succeeded());
            if (done) {
                if (!"visitor".equals(lastRole.get(room))) {
                    afterBan.add(room);
                }
                log.info("Room {}: the web account {} is {} again", room, account,
                        back.name().toLowerCase(Locale.ROOT));
            } else {
                log.warn("Room {}: the web account {} stays an outcast, every visitor is kept out: {}", room,
                        account, results);
            }
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.warn("Room {}: the web account {} stays an outcast, every visitor is kept out: {}", room, account,
                    e.toString());
            return false;
        }
    }
}
