/**
 * The bot's own activity counters: per room and per hour, the messages it saw and the moderation actions it saw
 * (kicks, bans, role and affiliation changes, whoever made them), counted from the events as they arrive (an
 * {@code intake.EventSink}, which never blocks) and added to the database's {@code room_activity} table
 * ({@code store.ActivityTable}) every minute and at stop, so that they outlive restarts. The operator console
 * charts them. Uses {@code api.event}, {@code intake} and {@code store}; nothing else.
 */
package org.majordome.activity;
