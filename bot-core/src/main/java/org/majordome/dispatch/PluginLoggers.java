package org.majordome.dispatch;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Loggers for plugins whose every line carries the plugin (and room) as MDC entries {@code plugin} and
 * {@code room}, whichever thread logs: the tags are set around each logging call, so a plugin cannot forget
 * them and the log pattern decides how they show.
 */
final class PluginLoggers {

    private PluginLoggers() {
    }

    static Logger forPlugin(String pluginId, Class<?> pluginClass) {
        return tagged(LoggerFactory.getLogger(pluginClass), Map.of("plugin", pluginId));
    }

    static Logger forPluginInRoom(String pluginId, Class<?> pluginClass, String roomJid) {
        return tagged(LoggerFactory.getLogger(pluginClass), Map.of("plugin", pluginId, "room", roomJid));
    }

    private static Logger tagged(Logger delegate, Map<String, String> tags) {
        return (Logger) Proxy.newProxyInstance(PluginLoggers.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "toString" -> "Logger(" + delegate.getName() + " " + tags + ")";
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> method.invoke(delegate, args);
                        };
                    }
                    Map<String, String> previous = MDC.getCopyOfContextMap();
                    tags.forEach(MDC::put);
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException thrown) {
                        throw thrown.getCause();
                    } finally {
                        if (previous == null) {
                            MDC.clear();
                        } else {
                            MDC.setContextMap(previous);
                        }
                    }
                });
    }
}
