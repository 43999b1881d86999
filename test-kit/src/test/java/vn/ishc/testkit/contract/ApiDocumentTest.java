package vn.ishc.testkit.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract checks must be able to fail: an undocumented status or a body off its schema is seen. */
class ApiDocumentTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "paths": {
               "/api/v1/clubs/{id}": {"get": {"responses": {
                  "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Club"}}}},
                  "404": {"content": {"application/problem+json": {"schema": {"type": "object"}}}}}}},
               "/api/v1/clubs/{id}/summary": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {"type": "object",
                  "required": ["activeMembers"]}}}}}}}},
             "components": {"schemas": {"Club": {"type": "object", "required": ["id", "name"],
               "properties": {"id": {"type": "string", "format": "uuid"}, "name": {"type": "string"}, "closedOn": {"type": ["string", "null"]}}}}}}""";

    private final ApiDocument document;

    ApiDocumentTest() throws Exception {
        document = new ApiDocument(new ObjectMapper().readTree(DOCUMENT));
    }

    @Test
    void aPathFindsItsOperationLiteralSegmentsFirst() {
        JsonNode summary = document.operation("GET", "/api/v1/clubs/7/summary").orElseThrow();
        assertTrue(summary.path("responses").path("200").toString().contains("activeMembers"));
        assertTrue(document.operation("GET", "/api/v1/clubs/7").isPresent());
        assertTrue(document.operation("POST", "/api/v1/clubs/7").isEmpty());
    }

    @Test
    void anUndocumentedStatusIsNoticed() {
        JsonNode get = document.operation("GET", "/api/v1/clubs/7").orElseThrow();
        assertTrue(document.response(get, 404).isPresent());
        assertTrue(document.response(get, 409).isEmpty());
    }

    @Test
    void aBodyOffItsSchemaIsNoticedWithReferencesResolved() {
        JsonNode content = document.response(document.operation("GET", "/api/v1/clubs/7").orElseThrow(), 200).orElseThrow().path("content");
        assertEquals(0, document.violations(content, "application/json", "{\"id\": \"4ce78d5b-c381-4ef3-a1a9-08d9936622b1\", \"name\": \"CLB\", \"closedOn\": null}").size());
        assertFalse(document.violations(content, "application/json", "{\"id\": \"4ce78d5b-c381-4ef3-a1a9-08d9936622b1\"}").isEmpty());
        assertFalse(document.violations(content, "application/json", "{\"id\": 5, \"name\": \"CLB\"}").isEmpty());
        assertFalse(document.violations(content, "text/csv", "a,b").isEmpty());
    }
}
