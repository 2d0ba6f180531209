package vn.hoctap.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input that cannot be accepted: for each field, the message key (in messages*.properties) saying
 * what to fix. Nothing has been written when it is thrown. Pages show the messages next to the
 * fields; the API answers 400 with them.
 */
public class ValidationException extends RuntimeException {

    private final Map<String, String> errors;

    public ValidationException(Map<String, String> errors) {
        super("invalid input: " + errors);
        this.errors = new LinkedHashMap<>(errors);
    }

    public static ValidationException of(String field, String messageKey) {
        return new ValidationException(Map.of(field, messageKey));
    }

    /** Field name → message key. */
    public Map<String, String> errors() {
        return errors;
    }
}
