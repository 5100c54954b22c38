/**
 * Acting on rooms and chats: {@link org.majordome.api.room.RoomHandle} for a multi-user chat room
 * (XEP-0045), {@link org.majordome.api.room.DirectChat} for one-to-one messages.
 *
 * <p>Every action is asynchronous: it returns at once with a {@link java.util.concurrent.CompletionStage}
 * of an {@link org.majordome.api.room.ActionResult}, which always completes (with {@code Failed} on a
 * timeout or a lost connection, never exceptionally for protocol outcomes). Message moderation relies on
 * XEP-0425 and XEP-0359 stanza ids, threaded replies on XEP-0461; a room that lacks a feature answers
 * {@code NotSupported} — check {@link org.majordome.api.room.RoomHandle#supports} to choose a fallback.
 *
 * <p>{@link org.majordome.api.room.RoomAffiliations} reads a room's affiliation lists and changes several entries at
 * once (XEP-0045 §9.5, §9.8, §10.5), each entry with its own {@code ActionResult}.
 *
 * <p>{@link org.majordome.api.room.NickCheck} is a plugin's say on a nick before someone enters through a door the
 * bot keeps (the web chat's nick chooser), registered with {@code PluginContext.checkNicks}.
 */
package org.majordome.api.room;
