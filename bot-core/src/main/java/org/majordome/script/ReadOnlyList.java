package org.majordome.script;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;

/**
 * A read-only JavaScript array over host values, each turned into a script value ({@link HostData#toScript})
 * on first read and kept. Scripts get the array methods that do not change it ({@code map}, {@code filter},
 * {@code slice}, spreading, {@code JSON.stringify}...); {@code push}, {@code sort} and the like fail with a
 * {@code TypeError}, and an element assignment is ignored (a {@code TypeError} in strict mode), as on a frozen
 * array. Used on the script's thread only.
 */
final class ReadOnlyList implements ProxyArray {

    private static final Object NULL = new Object();

    private final Object[] items;
    private final Object[] values;

    /** @param items host values; the array is kept, not copied */
    ReadOnlyList(Object[] items) {
        this.items = items;
        this.values = new Object[items.length];
    }

    @Override
    public Object get(long index) {
        if (index < 0 || index >= items.length) {
            throw new ArrayIndexOutOfBoundsException((int) Math.min(index, Integer.MAX_VALUE));
        }
        int i = (int) index;
        Object value = values[i];
        if (value == null) {
            value = HostData.toScript(items[i]);
            values[i] = value == null ? NULL : value;
        }
        return value == NULL ? null : value;
    }

    @Override
    public void set(long index, Value value) {
        throw new UnsupportedOperationException("this array is read-only");
    }

    @Override
    public boolean remove(long index) {
        throw new UnsupportedOperationException("this array is read-only");
    }

    @Override
    public long getSize() {
        return items.length;
    }

    /** Like JavaScript's display of an array; never a host class name (see {@link LazyObject#toString}). */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < items.length; i++) {
            out.append(i == 0 ? "" : ", ");
            LazyObject.display(get(i), out);
        }
        return out.append(']').toString();
    }
}
