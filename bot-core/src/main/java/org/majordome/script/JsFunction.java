package org.majordome.script;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * A host function for scripts, with a name. A lambda would do, but what a script's error message shows of a
 * host function is its {@code toString()}, which for a lambda is its host class name
 * ({@code org.majordome.script.BotFacade$$Lambda...}): this shows {@code function reply} instead.
 */
final class JsFunction implements ProxyExecutable {

    private final String name;
    private final ProxyExecutable body;

    private JsFunction(String name, ProxyExecutable body) {
        this.name = name;
        this.body = body;
    }

    /** {@code body} named {@code name}; a function that is already named stays as it is. */
    static JsFunction named(String name, ProxyExecutable body) {
        return body instanceof JsFunction already ? already : new JsFunction(name, body);
    }

    @Override
    public Object execute(Value... arguments) {
        return body.execute(arguments);
    }

    @Override
    public String toString() {
        return "function " + name;
    }
}
