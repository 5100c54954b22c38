package org.majordome.dispatch;

/**
 * A plugin whose {@code start} may return without the plugin doing its work (a JavaScript plugin whose file
 * failed to load stays registered, and loads when the file is fixed): the lifecycle logs its own words for how
 * the start went instead of "started".
 */
public interface StartReport {

    /** How the start went, for the line "plugin &lt;id&gt; ...", e.g. "started" or "not running: ...". */
    String startOutcome();
}
