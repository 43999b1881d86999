package vn.ishc.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import vn.ishc.kit.text.CleanText;

import java.io.IOException;

/**
 * Reads a JSON string, and only a JSON string (no number or boolean turned into text), as
 * {@link CleanText#clean cleaned} text: NFC, no invisible characters, no control characters.
 */
public class CleanTextDeserializer extends StdScalarDeserializer<String> {

    public CleanTextDeserializer() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return (String) context.handleUnexpectedToken(String.class, parser);
        }
        try {
            return CleanText.clean(parser.getText());
        } catch (CleanText.RejectedText e) {
            throw new RejectedValueException(parser, "problem.json.controlCharacter");
        }
    }
}
