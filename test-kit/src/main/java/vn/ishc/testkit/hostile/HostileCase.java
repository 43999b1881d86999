package vn.ishc.testkit.hostile;

import java.util.Map;
import java.util.Set;

/**
 * One invalid request and what must come back: a 4xx problem document, and, when {@code faultyFields}
 * is not empty, a validation error naming one of them.
 *
 * @param body null for a request without body
 */
public record HostileCase(String operation, String description, String method, String path, String rawQuery,
                          Map<String, String> headers, byte[] body, Set<String> faultyFields) {

    @Override
    public String toString() {
        return operation + " — " + description;
    }
}
