package org.majordome.testing.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.majordome.testing.ServerKind;

/**
 * The user-facing features an integration test (its class, or one method) proves on each server it runs on;
 * {@link ServerSupportTable} turns the tests' results into the README's table. A method's annotation adds to its
 * class's.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Proves {

    Feature[] value();

    /**
     * Servers on which the test proves the feature's documented fallback ({@link Feature#fallback()}) rather than
     * the feature (a server without it, or one started without the module it needs): when it passes, the table
     * shows the fallback there, after the ✓ of the tests that prove the feature on that server, or after ✗ when
     * none does.
     */
    ServerKind[] fallbackOn() default {};

    /** A behaviour that differs between servers and that the test pins, shown beside the feature. */
    String difference() default "";
}
