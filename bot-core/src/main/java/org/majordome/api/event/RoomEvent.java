package org.majordome.api.event;

/** An event that belongs to one multi-user chat room; events of one room are delivered in order. */
public sealed interface RoomEvent extends BotEvent
        permits RoomMessageReceivedEvent, PrivateMessageReceivedEvent, OccupantJoinedEvent,
                OccupantLeftEvent, OccupantNickChangedEvent, OccupantRoleChangedEvent,
                OccupantAffiliationChangedEvent, OccupantKickedEvent, OccupantBannedEvent,
                SubjectChangedEvent, RoomJoinedEvent, RoomLeftEvent, RoomConfiguredEvent, VoiceRequestedEvent,
                BlockListHitEvent {

    /** Bare JID of the room, e.g. {@code lobby@conference.example.org}. */
    String roomJid();
}
