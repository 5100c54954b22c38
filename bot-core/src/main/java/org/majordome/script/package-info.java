/**
 * The JavaScript plugin host (internal): each {@code *.js} file of the scripts directory becomes one
 * {@link org.majordome.api.Plugin} ({@link org.majordome.script.ScriptPlugin}, id = file name), registered
 * with the runtime like a Java plugin, so rooms enable it by id and it gets the same
 * {@link org.majordome.api.PluginContext}: storage, scheduler, commands, rooms,
 * publish-subscribe nodes, nick checks, console sections and its configuration section.
 *
 * <p>Scripts run in GraalJS contexts that share one engine (code parsed once) and see only the {@code bot}
 * façade: every object handed to a script is a proxy, host class lookup is refused, and the contexts have no
 * file system, network, threads, processes, native access, environment or other languages
 * ({@link org.graalvm.polyglot.SandboxPolicy#CONSTRAINED} validates that configuration). Each script runs on
 * its own thread; events and commands reach it as read-only proxies over the host values, made lazily, with
 * the shapes and values the JSON text they replace had (no serialising per call); a
 * {@link org.majordome.script.ScriptWatchdog} interrupts a call that runs longer, or
 * allocates more, than the limits, and a script that keeps doing so is disabled until its file changes.
 *
 * <p>{@link org.majordome.script.ScriptHost} watches the directory: a changed file is reloaded alone (its
 * handlers, commands, console sections, followed nodes and in-memory jobs replaced, its storage kept); a file that does not compile leaves the
 * previous version running; a removed file unloads its script. A new file becomes a new
 * {@link org.majordome.script.ScriptPlugin} (which evaluates each version of its file with a
 * {@link org.majordome.script.ScriptFileLoader}), handed to the host's listener: the runtime ({@code app}) registers
 * and starts that one plugin in the running generation (enabled in the rooms with {@code scripts: all}), so
 * the other scripts keep their state. A {@link org.majordome.script.ScriptPlugin} reports how its start went
 * ({@link org.majordome.dispatch.StartReport}): "started" only when a version of its file runs.
 */
package org.majordome.script;
