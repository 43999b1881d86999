package vn.ishc.kit.history;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The fields a change really changed, each with its value before and after. */
public final class Changes {

    /** A field's value before and after a change. */
    public record Change(Object from, Object to) {
    }

    private final Map<String, Change> fields = new LinkedHashMap<>();

    /** Notes the field if its value changed; an unchanged field is left out. */
    public Changes field(String name, Object from, Object to) {
        if (!Objects.equals(from, to)) {
            fields.put(name, new Change(from, to));
        }
        return this;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    Map<String, Change> fields() {
        return Collections.unmodifiableMap(fields);
    }
}
