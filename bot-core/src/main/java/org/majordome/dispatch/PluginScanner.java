package org.majordome.dispatch;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.majordome.api.EventListener;
import org.majordome.api.OnEvent;
import org.majordome.api.Plugin;
import org.majordome.api.command.Command;
import org.majordome.api.command.CommandHandler;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.command.CommandSpec;
import org.majordome.api.event.BotEvent;

/** Finds and checks a plugin's {@link OnEvent} and {@link Command} methods, reporting every bad one. */
final class PluginScanner {

    /** {@link EventListener#onEvent}, the programmatic handler of plugins that cannot use annotations. */
    private static final MethodHandle LISTENER_CALL;

    static {
        try {
            LISTENER_CALL = MethodHandles.publicLookup().findVirtual(EventListener.class, "onEvent",
                    MethodType.methodType(void.class, BotEvent.class));
        } catch (ReflectiveOperationException impossible) {
            throw new ExceptionInInitializerError(impossible);
        }
    }

    private PluginScanner() {
    }

    /** The event handlers and commands of one plugin, and what is wrong with its declarations. */
    record Scan(List<EventHandler> eventHandlers, List<DeclaredCommand> commands, List<String> problems) {
    }

    /** One {@link OnEvent} method, bound to its plugin. */
    record EventHandler(Class<? extends BotEvent> eventType, String methodName, MethodHandle call) {

        boolean accepts(BotEvent event) {
            return eventType.isInstance(event);
        }

        void invoke(BotEvent event) {
            invokeHandle(call, event);
        }
    }

    /** One {@link Command} method, bound to its plugin. */
    record DeclaredCommand(CommandSpec spec, CommandHandler handler, String methodName) {
    }

    static Scan scan(Plugin<?> plugin) {
        List<EventHandler> handlers = new ArrayList<>();
        List<DeclaredCommand> commands = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Method method : annotatedMethods(plugin.getClass())) {
            String where = plugin.getClass().getName() + "." + method.getName();
            boolean isHandler = method.isAnnotationPresent(OnEvent.class);
            boolean isCommand = method.isAnnotationPresent(Command.class);
            if (isHandler && isCommand) {
                problems.add(where + ": a method is either @OnEvent or @Command, not both");
                continue;
            }
            List<String> signatureProblems = commonSignatureProblems(method);
            Class<?>[] parameters = method.getParameterTypes();
            if (isHandler) {
                if (parameters.length != 1 || !BotEvent.class.isAssignableFrom(parameters[0])) {
                    signatureProblems.add("must take exactly one parameter of type BotEvent or a subtype, takes "
                            + Arrays.toString(parameters));
                }
            } else if (parameters.length != 1 || parameters[0] != CommandInvocation.class) {
                signatureProblems.add("must take exactly one parameter of type CommandInvocation, takes "
                        + Arrays.toString(parameters));
            }
            MethodHandle call = signatureProblems.isEmpty() ? bind(plugin, method, signatureProblems) : null;
            if (!signatureProblems.isEmpty()) {
                String kind = isHandler ? "@OnEvent" : "@Command";
                signatureProblems.forEach(problem -> problems.add(where + " (" + kind + "): " + problem));
                continue;
            }
            if (isHandler) {
                @SuppressWarnings("unchecked")
                Class<? extends BotEvent> eventType = (Class<? extends BotEvent>) parameters[0];
                handlers.add(new EventHandler(eventType, method.getName(), call));
            } else {
                try {
                    CommandSpec spec = specOf(method.getAnnotation(Command.class));
                    commands.add(new DeclaredCommand(spec, invocation -> invokeHandle(call, invocation), method.getName()));
                } catch (IllegalArgumentException | NullPointerException invalid) {
                    problems.add(where + " (@Command): " + invalid.getMessage());
                }
            }
        }
        if (plugin instanceof EventListener listener && handlers.stream().noneMatch(h -> h.methodName().equals("onEvent"))) {
            handlers.add(new EventHandler(BotEvent.class, "onEvent", LISTENER_CALL.bindTo(listener)));
        }
        return new Scan(List.copyOf(handlers), List.copyOf(commands), List.copyOf(problems));
    }

    private static CommandSpec specOf(Command command) {
        CommandSpec.Builder builder = CommandSpec.builder(command.name())
                .aliases(command.aliases())
                .usage(command.usage())
                .help(command.help())
                .permission(command.permission())
                .arguments(command.minArgs(), command.maxArgs());
        if (command.scopes().length == 0) {
            throw new IllegalArgumentException("command '" + command.name() + "' must be usable somewhere: scopes is empty");
        }
        builder.scopes(command.scopes()[0], Arrays.copyOfRange(command.scopes(), 1, command.scopes().length));
        return builder.build();
    }

    private static List<String> commonSignatureProblems(Method method) {
        List<String> problems = new ArrayList<>();
        if (!Modifier.isPublic(method.getModifiers())) {
            problems.add("must be public");
        }
        if (Modifier.isStatic(method.getModifiers())) {
            problems.add("must not be static");
        }
        if (method.getReturnType() != void.class) {
            problems.add("must return void, returns " + method.getReturnType().getName());
        }
        for (Class<?> thrown : method.getExceptionTypes()) {
            if (!RuntimeException.class.isAssignableFrom(thrown) && !Error.class.isAssignableFrom(thrown)) {
                problems.add("must not declare checked exception " + thrown.getName());
            }
        }
        return problems;
    }

    private static MethodHandle bind(Plugin<?> plugin, Method method, List<String> problems) {
        // A public method of a non-public class (a nested test plugin, say) still needs access lifted.
        if (!method.trySetAccessible()) {
            problems.add("cannot be made accessible to the runtime (is its package open?)");
            return null;
        }
        try {
            return MethodHandles.lookup().unreflect(method).bindTo(plugin);
        } catch (IllegalAccessException inaccessible) {
            problems.add("cannot be called by the runtime: " + inaccessible.getMessage());
            return null;
        }
    }

    /** Annotated methods of the class and its superclasses, most specific first, overridden ones once. */
    private static List<Method> annotatedMethods(Class<?> type) {
        List<Method> found = new ArrayList<>();
        List<String> seenSignatures = new ArrayList<>();
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            Method[] declared = current.getDeclaredMethods();
            Arrays.sort(declared, Comparator.comparing(Method::getName));
            for (Method method : declared) {
                if (method.isSynthetic() || method.isBridge()) {
                    continue;
                }
                String signature = method.getName() + Arrays.toString(method.getParameterTypes());
                if (seenSignatures.contains(signature)) {
                    continue;
                }
                seenSignatures.add(signature);
                if (method.isAnnotationPresent(OnEvent.class) || method.isAnnotationPresent(Command.class)) {
                    found.add(method);
                }
            }
        }
        return found;
    }

    private static void invokeHandle(MethodHandle call, Object argument) {
        try {
            call.invoke(argument);
        } catch (RuntimeException | Error unchecked) {
            throw unchecked;
        } catch (Throwable checked) {
            // Signatures declare no checked exception, but bytecode can throw one anyway (sneaky throws).
            throw new IllegalStateException("handler threw a checked exception", checked);
        }
    }
}
