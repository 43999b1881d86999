package vn.ishc.kit.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A JSON value of the right shape that the platform refuses (a date outside 1900–2100, text with
 * a control character). Carries the message key that {@code ProblemMappers} shows for the field.
 */
public class RejectedValueException extends JsonMappingException {

    private final String messageKey;

    public RejectedValueException(JsonParser parser, String messageKey) {
        super(parser, messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
