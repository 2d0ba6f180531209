package vn.hoctap.titles.internal;

import java.util.Map;

import vn.hoctap.platform.ValidationException;

/** A validation failure with a located detail to show as is (e.g. "bo-tieu-chi.txt:4: min_total 11 is above the maximum 10"). */
public class DetailedValidation extends ValidationException {

    private final String detail;

    public DetailedValidation(String field, String messageKey, String detail) {
        super(Map.of(field, messageKey));
        this.detail = detail;
    }

    public String detail() {
        return detail;
    }
}
