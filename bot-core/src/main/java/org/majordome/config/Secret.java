package org.majordome.config;

import java.util.Objects;

/** A password or token. Its text is only handed out by {@link #reveal()}; {@code toString()} masks it. */
public final class Secret {

    private final String value;
    private final String origin;

    /**
     * @param value  the secret text
     * @param origin where it came from, safe to print ("environment variable BOT_PASSWORD", "file /etc/x")
     */
    public Secret(String value, String origin) {
        this.value = Objects.requireNonNull(value, "value");
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    public String reveal() {
        return value;
    }

    public String origin() {
        return origin;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "******(" + origin + ")";
    }
}
