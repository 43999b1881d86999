package vn.ishc.testkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Validates events against the JSON Schemas the service under test publishes under /schemas (its
 * resources' META-INF/resources/schemas), formats asserted.
 */
public final class EventSchemas {

    private static final String SCHEMAS = "META-INF/resources/schemas/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventSchemas() {
    }

    public static Set<ValidationMessage> violations(String schemaFile, String eventJson) {
        try (InputStream schemaText = open(SCHEMAS + schemaFile)) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(JSON.readTree(schemaText), config);
            JsonNode event = JSON.readTree(eventJson);
            return schema.validate(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service's resource, seen through the test's class loader (the kit's own where there is none). */
    private static InputStream open(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        InputStream in = loader == null ? null : loader.getResourceAsStream(resource);
        if (in == null) {
            in = EventSchemas.class.getClassLoader().getResourceAsStream(resource);
        }
        if (in == null) {
            throw new IllegalArgumentException("no event schema at " + resource + " on the test class path");
        }
        return in;
    }
}
