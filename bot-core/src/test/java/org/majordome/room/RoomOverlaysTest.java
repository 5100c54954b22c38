package org.majordome.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.majordome.api.room.ConfigOverlay;
import org.majordome.config.DesiredRoomConfig;

/** How configuration overlays (a lockdown) merge with the declared configuration, and how they come off. */
class RoomOverlaysTest {

    private static DesiredRoomConfig declared(Optional<Boolean> membersOnly, Optional<Boolean> moderated) {
        return new DesiredRoomConfig(Optional.of("Lobby"), Optional.empty(), Optional.of(true), Optional.empty(),
                Optional.empty(), Optional.empty(), membersOnly, moderated, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static final DesiredRoomConfig PINNED_OPEN = declared(Optional.of(false), Optional.of(false));
    private static final DesiredRoomConfig UNPINNED = declared(Optional.empty(), Optional.empty());

    /** Regression (issue 13 item 4): a file pinning moderated: false used to win over a lockdown. */
    @Test
    void aLockdownOverlayWinsOverADeclaredModeratedFalse() {
        RoomOverlays overlays = new RoomOverlays();
        overlays.put(new RoomOverlays.Active("lockdown", ConfigOverlay.moderated(true), ConfigOverlay.moderated(false)));

        DesiredRoomConfig effective = overlays.effective(PINNED_OPEN);

        assertThat(effective.moderated()).contains(true);
        assertThat(effective.membersOnly()).contains(false);
        assertThat(effective.title()).contains("Lobby");
        assertThat(effective.persistent()).contains(true);
    }

    @Test
    void withoutOverlaysTheDeclaredConfigurationIsTheEffectiveOne() {
        assertThat(new RoomOverlays().effective(PINNED_OPEN)).isEqualTo(PINNED_OPEN);
    }

    @Test
    void liftingPutsThePinnedDeclaredValueBackWhateverTheRoomHadBefore() {
        RoomOverlays overlays = new RoomOverlays();
        overlays.put(new RoomOverlays.Active("lockdown", ConfigOverlay.membersOnly(true),
                ConfigOverlay.membersOnly(true)));

        assertThat(overlays.afterLifting(PINNED_OPEN, "lockdown")).isEqualTo(PINNED_OPEN);
    }

    @Test
    void liftingAnUnpinnedSettingRestoresWhatTheRoomHadBefore() {
        RoomOverlays wasOpen = new RoomOverlays();
        wasOpen.put(new RoomOverlays.Active("lockdown", ConfigOverlay.moderated(true), ConfigOverlay.moderated(false)));
        RoomOverlays wasModerated = new RoomOverlays();
        wasModerated.put(new RoomOverlays.Active("lockdown", ConfigOverlay.moderated(true),
                ConfigOverlay.moderated(true)));

        assertThat(wasOpen.afterLifting(UNPINNED, "lockdown").moderated()).contains(false);
        assertThat(wasModerated.afterLifting(UNPINNED, "lockdown").moderated()).contains(true);
        assertThat(wasOpen.afterLifting(UNPINNED, "lockdown").membersOnly()).isEmpty();
    }

    @Test
    void aLaterOverlayWinsAndLiftingOneLeavesTheOtherInForce() {
        RoomOverlays overlays = new RoomOverlays();
        overlays.put(new RoomOverlays.Active("maintenance", new ConfigOverlay(Optional.of(false), Optional.of(true)),
                new ConfigOverlay(Optional.of(false), Optional.of(false))));
        overlays.put(new RoomOverlays.Active("lockdown", ConfigOverlay.moderated(true), ConfigOverlay.moderated(false)));

        assertThat(overlays.effective(PINNED_OPEN).moderated()).contains(true);
        assertThat(overlays.effective(PINNED_OPEN).membersOnly()).contains(true);
        DesiredRoomConfig afterLockdown = overlays.afterLifting(PINNED_OPEN, "lockdown");
        assertThat(afterLockdown.moderated()).contains(false);
        assertThat(afterLockdown.membersOnly()).contains(true);
    }

    @Test
    void applyingAgainReplacesTheOverlayAndMakesItTheNewest() {
        RoomOverlays overlays = new RoomOverlays();
        overlays.put(new RoomOverlays.Active("lockdown", ConfigOverlay.moderated(true), ConfigOverlay.moderated(false)));
        overlays.put(new RoomOverlays.Active("other", ConfigOverlay.moderated(false), ConfigOverlay.moderated(true)));
        overlays.put(new RoomOverlays.Active("lockdown", ConfigOverlay.moderated(true), ConfigOverlay.moderated(false)));

        assertThat(overlays.all()).extracting(RoomOverlays.Active::name).containsExactly("other", "lockdown");
        assertThat(overlays.effective(PINNED_OPEN).moderated()).contains(true);
    }

    @Test
    void theFirstPreviousValueIsKeptWhenAnOverlayIsAppliedAgain() {
        ConfigOverlay first = ConfigOverlay.moderated(false);
        ConfigOverlay whileLocked = new ConfigOverlay(Optional.of(true), Optional.of(false));

        assertThat(RoomOverlays.keepFirst(first, whileLocked))
                .isEqualTo(new ConfigOverlay(Optional.of(false), Optional.of(false)));
    }

    @Test
    void overlaysAreStoredAsTextAndReadBack() {
        for (ConfigOverlay overlay : List.of(ConfigOverlay.moderated(true), ConfigOverlay.membersOnly(false),
                new ConfigOverlay(Optional.of(false), Optional.of(true)),
                new ConfigOverlay(Optional.empty(), Optional.empty()))) {
            assertThat(RoomOverlays.decode(RoomOverlays.encode(overlay))).isEqualTo(overlay);
        }
        assertThat(RoomOverlays.encode(new ConfigOverlay(Optional.of(true), Optional.of(false))))
                .isEqualTo("moderated=true,members-only=false");
        assertThatThrownBy(() -> RoomOverlays.decode("max-users=3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max-users");
    }

    /** ejabberd's members_by_default before a moderated lockdown is stored with the previous values, and read back. */
    @Test
    void ejabberdsMembersByDefaultBeforeAModeratedLockdownIsStoredWithThePreviousValues() {
        String stored = RoomOverlays.encodePrevious(ConfigOverlay.moderated(true), Optional.of(true));

        assertThat(stored).isEqualTo("moderated=true,members-by-default=true");
        assertThat(RoomOverlays.decode(stored)).isEqualTo(ConfigOverlay.moderated(true));
        assertThat(RoomOverlays.previousMembersByDefault(stored)).contains(true);
        assertThat(RoomOverlays.previousMembersByDefault("moderated=false")).isEmpty();
        assertThat(RoomOverlays.encodePrevious(ConfigOverlay.moderated(false), Optional.empty()))
                .isEqualTo("moderated=false");
    }

    @Test
    void anotherModeratedOverlayKeepsNewcomersVoiceless() {
        RoomOverlays overlays = new RoomOverlays();
        overlays.put(new RoomOverlays.Active("lockdown", ConfigOverlay.moderated(true), ConfigOverlay.moderated(true),
                Optional.of(true)));

        assertThat(overlays.othersModerate("lockdown")).isFalse();
        overlays.put(new RoomOverlays.Active("maintenance", ConfigOverlay.moderated(true),
                ConfigOverlay.moderated(true)));
        assertThat(overlays.othersModerate("lockdown")).isTrue();
    }
}
