/**
 * The program: command line ({@code majordome run | check-config}), Spring wiring of the runtime,
 * and its life cycle (start, clean shutdown on SIGTERM with a goodbye in every room).
 */
package org.majordome.app;
