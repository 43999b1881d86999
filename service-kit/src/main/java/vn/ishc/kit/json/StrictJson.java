package vn.ishc.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.time.LocalDate;

/**
 * Reads request bodies exactly as the OpenAPI documents say, never guessing: no value of one JSON
 * type taken for another ({@code "12"} is not 12, {@code 1} is not true, {@code 1.5} is not an
 * integer, a number or an array is not a date), nothing after the body, text cleaned, dates within
 * 1900–2100, and bounded nesting and number lengths so that no body can exhaust the heap.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Deeper than any body of this API, shallow enough that no parser recursion can hurt. */
    static final int MAX_NESTING = 32;
    /** A VND amount has at most 19 digits; anything far longer is not a number of this API. */
    static final int MAX_NUMBER_LENGTH = 40;

    /** Last of all customizers, after Quarkus registers the Java time module, so that these deserializers win. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING).maxNumberLength(MAX_NUMBER_LENGTH).build());
        mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS);
        for (LogicalType type : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                LogicalType.Textual, LogicalType.Enum, LogicalType.DateTime}) {
            mapper.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.String, type == LogicalType.Textual || type == LogicalType.Enum || type == LogicalType.DateTime
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer || type == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, type == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        // an unknown enum value in a request body is noted and the body read on, to name every invalid field at once
        mapper.addHandler(new EnumProblems());
        SimpleModule strict = new SimpleModule("ishc-strict-values");
        strict.addDeserializer(String.class, new CleanTextDeserializer());
        strict.addDeserializer(LocalDate.class, new SaneDateDeserializer());
        mapper.registerModule(strict);
    }
}
