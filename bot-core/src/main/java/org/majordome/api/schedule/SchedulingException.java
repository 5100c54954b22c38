package org.majordome.api.schedule;

/** The scheduler failed to store, change or read a job. */
public class SchedulingException extends RuntimeException {

    public SchedulingException(String message, Throwable cause) {
        super(message, cause);
    }
}
