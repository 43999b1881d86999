package vn.ishc.testkit.http;

import java.util.HashMap;
import java.util.Map;

/** Request bodies for tests: a valid body with some fields changed or left out. */
public final class Bodies {

    private Bodies() {
    }

    /**
     * A copy of {@code valid} with {@code overrides} applied, given as name, value, name, value…; a
     * null value leaves the field out.
     */
    public static Map<String, Object> overriding(Map<String, Object> valid, Object... overrides) {
        if (overrides.length % 2 != 0) {
            throw new IllegalArgumentException("overrides come in pairs of name and value");
        }
        Map<String, Object> body = new HashMap<>(valid);
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                body.remove((String) overrides[i]);
            } else {
                body.put((String) overrides[i], overrides[i + 1]);
            }
        }
        return body;
    }
}
