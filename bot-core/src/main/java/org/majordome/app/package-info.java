/**
 * The program: command line ({@code majordome run | check-config}), Spring wiring of the runtime,
 * and its life cycle (start, clean shutdown on SIGTERM with a goodbye in every room); the embedded web server,
 * when configured, serves once the rooms are kept and stops before the bot leaves them.
 */
package org.majordome.app;
