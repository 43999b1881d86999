package vn.ishc.funding.support;

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

/** Validates events against the JSON Schemas this service publishes under /schemas. */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventSchemas() {
    }

    public static Set<ValidationMessage> violations(String schemaFile, String eventJson) {
        try (InputStream schemaText = EventSchemas.class.getResourceAsStream("/META-INF/resources/schemas/" + schemaFile)) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(JSON.readTree(schemaText), config);
            JsonNode event = JSON.readTree(eventJson);
            return schema.validate(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
