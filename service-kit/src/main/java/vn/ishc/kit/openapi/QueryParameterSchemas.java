package vn.ishc.kit.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.math.BigDecimal;
import java.util.Set;

/**
 * The query parameters every list and report shares, read as text by the resources (so that a bad
 * value is a 400 naming it, see {@code QueryParams} and {@code PageRequest}) but documented with
 * their real constraints, so that a generated client and a conformance tester send valid values:
 * paging as bounded integers, dates as {@code date}, ids as {@code uuid}.
 */
final class QueryParameterSchemas {

    private static final Set<String> DATES = Set.of("asOf", "from", "to", "receivedFrom", "receivedTo");

    private QueryParameterSchemas() {
    }

    static void constrain(Parameter parameter) {
        String name = parameter.getName();
        Schema schema = parameter.getSchema() == null ? OASFactory.createSchema() : parameter.getSchema();
        if (schema.getRef() != null || schema.getEnumeration() != null) {
            return; // already an enum or a component
        }
        if (name.equals("page")) {
            parameter.setSchema(integer(0, null, 0).description("Trang, từ 0 / Page, from 0"));
        } else if (name.equals("size")) {
            parameter.setSchema(integer(1, 500, 50).description("Số mục mỗi trang, 1–500 / Items per page, 1–500"));
        } else if (DATES.contains(name)) {
            parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date"));
        } else if (name.endsWith("Id")) {
            parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uuid"));
        }
    }

    private static Schema integer(int minimum, Integer maximum, int defaultValue) {
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                .minimum(BigDecimal.valueOf(minimum)).defaultValue(defaultValue);
        return maximum == null ? schema : schema.maximum(BigDecimal.valueOf(maximum));
    }
}
