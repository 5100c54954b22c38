/**
 * Acting on rooms and chats: {@link org.majordome.api.room.RoomHandle} for a multi-user chat room
 * (XEP-0045), {@link org.majordome.api.room.DirectChat} for one-to-one messages.
 *
 * <p>Every action is asynchronous: it returns at once with a {@link java.util.concurrent.CompletionStage}
 * of an {@link org.majordome.api.room.ActionResult}, which always completes (with {@code Failed} on a
 * timeout or a lost connection, never exceptionally for protocol outcomes). Message moderation relies on
 * XEP-0425 and XEP-0359 stanza ids, threaded replies on XEP-0461; a room that lacks a feature answers
 * {@code NotSupported} — check {@link org.majordome.api.room.RoomHandle#supports} to choose a fallback.
 */
package org.majordome.api.room;
