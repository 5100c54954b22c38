package org.majordome.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a plugin method that receives events. The method must be public, non-static, return
 * {@code void}, declare no checked exception, and take exactly one parameter whose type is
 * {@link org.majordome.api.event.BotEvent} or one of its subtypes; it then receives every event of that
 * type from the rooms the plugin is enabled in (and direct messages, which belong to no room).
 *
 * <pre>{@code
 * @OnEvent
 * public void greet(OccupantJoinedEvent event) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnEvent {
}
