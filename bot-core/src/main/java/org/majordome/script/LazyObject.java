package org.majordome.script;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * A read-only JavaScript object over host data, whose member values are worked out on first read and then kept:
 * a handler that reads one field of an event pays for that field only, and reading it twice gives the same
 * object ({@code e.sender === e.sender}), as with plain JavaScript data. Members come in a fixed order, which
 * {@code Object.keys}, {@code JSON.stringify} and spreading keep.
 *
 * <p>Writes are refused as on a frozen object: ignored in sloppy mode, a {@code TypeError} in strict mode
 * (GraalJS turns {@link UnsupportedOperationException} into that). Every value handed out is text, a number, a
 * boolean, null or another read-only proxy ({@link HostData#toScript}), never a host object. Used on the
 * script's thread only, so it needs no locking.
 */
abstract class LazyObject implements ProxyObject {

    /** What a member worked out to be null is kept as, so that it is not worked out again. */
    private static final Object NULL = new Object();

    private String[] names;
    private Object[] values;

    /** The member names, in order; called once, on first use. */
    protected abstract String[] memberNames();

    /** The script value of member {@code index} of {@link #memberNames()}; called at most once per member. */
    protected abstract Object memberValue(int index);

    private String[] names() {
        if (names == null) {
            names = memberNames();
            values = new Object[names.length];
        }
        return names;
    }

    private int indexOf(String key) {
        String[] known = names();
        for (int i = 0; i < known.length; i++) {
            if (known[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private Object valueAt(int index) {
        Object value = values[index];
        if (value == null) {
            value = memberValue(index);
            values[index] = value == null ? NULL : value;
        }
        return value == NULL ? null : value;
    }

    @Override
    public final Object getMember(String key) {
        int index = indexOf(key);
        return index < 0 ? null : valueAt(index);
    }

    @Override
    public final boolean hasMember(String key) {
        return indexOf(key) >= 0;
    }

    @Override
    public final Object getMemberKeys() {
        return new ReadOnlyList(names().clone());
    }

    @Override
    public final void putMember(String key, Value value) {
        throw new UnsupportedOperationException("this object is read-only");
    }

    @Override
    public final boolean removeMember(String key) {
        throw new UnsupportedOperationException("this object is read-only");
    }

    /**
     * What a script's log line shows for it ({@code bot.log.info(event)}) and what error messages name: its data
     * written like JavaScript's own display of an object, never a host class name.
     */
    @Override
    public final String toString() {
        StringBuilder out = new StringBuilder("{");
        String[] known = names();
        for (int i = 0; i < known.length; i++) {
            out.append(i == 0 ? "" : ", ").append(known[i]).append(": ");
            display(valueAt(i), out);
        }
        return out.append('}').toString();
    }

    static void display(Object value, StringBuilder out) {
        switch (value) {
            case null -> out.append("null");
            case String text -> JsData.quote(text, out);
            case ProxyExecutable function -> out.append(function instanceof JsFunction named ? named.toString() : "function");
            case ProxyArray array -> out.append(array);
            default -> out.append(value);
        }
    }
}
