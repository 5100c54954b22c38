package org.majordome.api.event;

/**
 * An event a plugin reports about a room, through {@link org.majordome.api.PluginContext#publish}, rather than
 * one the server sent: it reaches every plugin enabled in its room (scripts included) like the others, in the
 * room's order. Only the kinds listed here can be published, so that no plugin can fake a message or a presence.
 */
public sealed interface PluginEvent extends RoomEvent permits AppealFiledEvent, AppealDecidedEvent, GatePassedEvent,
        GateFailedEvent, BlockListHitEvent, MuteStartedEvent, MuteEndedEvent {
}
