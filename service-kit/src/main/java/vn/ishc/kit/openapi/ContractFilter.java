package vn.ishc.kit.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes each service's OpenAPI document say exactly what its server does, for the things every
 * operation shares, so that no resource has to repeat them (and none can forget them):
 * <ul>
 *     <li>the refusals every {@code /api} operation can answer, as problem+json: 400 when it takes
 *     parameters or a body, 401 and 403, 404 under a path with ids, 406, 415 with a body, 412/428 with
 *     {@code If-Match} (required on every write), 409 on writes (a unique value taken by a concurrent
 *     request), 500 and 503;</li>
 *     <li>stable operation ids a client generator can name methods after ({@code clubRegister});</li>
 *     <li>every optional property of every schema marked as possibly {@code null}, since the
 *     servers send absent values as null.</li>
 * </ul>
 * Registered with {@code mp.openapi.filter}.
 */
public class ContractFilter implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getInfo() != null && api.getInfo().getLicense() != null && api.getInfo().getLicense().getUrl() == null
                && api.getInfo().getLicense().getIdentifier() == null) {
            // OpenAPI 3.1 wants an SPDX identifier or a URL; terms not yet published get SPDX's LicenseRef- form.
            api.getInfo().getLicense().setIdentifier("LicenseRef-Proprietary");
        }
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
                if (path.startsWith("/api/")) {
                    documentRefusals(path, method, operation);
                }
                operation.setOperationId(OperationIds.of(operation.getOperationId()));
            }));
        }
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().values().forEach(ContractFilter::optionalMeansNullable);
            describeJacksonTreesAsAnyJson(api);
        }
    }

    /**
     * Jackson's tree appears where a value is any JSON (a history entry's changes) and behind
     * merge patches, which are documented by their own patch schemas: say "any JSON value" rather
     * than show the tree's Java getters (missingNode, nodeType…) to a client generator.
     */
    private static void describeJacksonTreesAsAnyJson(OpenAPI api) {
        if (api.getComponents().getSchemas().containsKey("JsonNode")) {
            api.getComponents().addSchema("JsonNode", OASFactory.createSchema().description("Bất kỳ giá trị JSON nào / Any JSON value"));
            api.getComponents().removeSchema("JsonNodeType");
        }
    }

    private static void documentRefusals(String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        parameters.stream().filter(p -> p.getIn() == Parameter.In.QUERY).forEach(QueryParameterSchemas::constrain);
        boolean body = operation.getRequestBody() != null;
        boolean ifMatch = parameters.stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));
        if (body || !parameters.isEmpty()) {
            refusal(responses, "400", "Yêu cầu không hợp lệ / Invalid request: errors[] names each faulty field");
        }
        refusal(responses, "401", "Thiếu hoặc sai mã thông báo / A valid bearer token is required");
        refusal(responses, "403", "Vai trò hoặc địa bàn không cho phép / Role or area does not allow this");
        if (path.contains("{")) {
            refusal(responses, "404", "Không tìm thấy / No such resource");
        }
        refusal(responses, "406", "Không có định dạng phản hồi được yêu cầu / The requested response type is not available");
        if (body) {
            refusal(responses, "415", "Kiểu nội dung không được hỗ trợ / Send the body as JSON");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH) {
            refusal(responses, "409", "Xung đột dữ liệu / Conflicts with the current state, or lost a race for a unique value");
        }
        if (ifMatch) {
            refusal(responses, "412", "Dữ liệu đã thay đổi / The resource changed since it was read (stale ETag)");
            if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
                refusal(responses, "428", "Thiếu If-Match / Send the ETag you read in If-Match");
                parameters.stream().filter(p -> "If-Match".equalsIgnoreCase(p.getName())).forEach(p -> p.setRequired(true));
            }
        }
        refusal(responses, "500", "Lỗi hệ thống / Internal error, with an incident id");
        refusal(responses, "503", "Tạm thời không sẵn sàng / The database is away for a moment; retry after Retry-After");
    }

    private static void refusal(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
        responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType("application/problem+json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)))));
    }

    /** A property not listed as required may be sent as null: say so, keeping its type and reference. */
    static void optionalMeansNullable(Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> property : new ArrayList<>(properties.entrySet())) {
            if (required.contains(property.getKey())) {
                continue;
            }
            Schema value = property.getValue();
            if (value.getRef() != null) {
                Schema nullable = OASFactory.createSchema().description(value.getDescription())
                        .addAnyOf(OASFactory.createSchema().ref(value.getRef()))
                        .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL));
                nullable.setExamples(value.getExamples());
                schema.addProperty(property.getKey(), nullable);
            } else if (value.getType() != null && !value.getType().isEmpty() && !value.getType().contains(Schema.SchemaType.NULL)) {
                value.addType(Schema.SchemaType.NULL);
            }
        }
    }
}
