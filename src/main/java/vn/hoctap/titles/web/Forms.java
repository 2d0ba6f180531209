package vn.hoctap.titles.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.hoctap.platform.ValidationException;
import vn.hoctap.titles.internal.DetailedValidation;

/** Turns a refused input into the messages a form shows (what to fix), in the page's language. */
@Component
class Forms {

    private final MessageSource messages;

    Forms(MessageSource messages) {
        this.messages = messages;
    }

    List<String> messages(ValidationException e, Locale locale) {
        List<String> out = new ArrayList<>();
        e.errors().forEach((field, key) -> out.add(messages.getMessage(key, null, key, locale)));
        if (e instanceof DetailedValidation d && d.detail() != null) {
            out.add(d.detail());
        }
        return out;
    }
}
