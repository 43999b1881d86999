package vn.ishc.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import vn.ishc.kit.time.SaneDates;

import java.io.IOException;
import java.time.LocalDate;

/** Reads a date only as an ISO {@code YYYY-MM-DD} string within {@link SaneDates}' range (no numbers, no arrays). */
public class SaneDateDeserializer extends StdScalarDeserializer<LocalDate> {

    public SaneDateDeserializer() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
        }
        return SaneDates.parse(parser.getText()).orElseThrow(() -> new RejectedValueException(parser, "problem.json.date"));
    }
}
