package vn.hoctap.indicators.web;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import vn.hoctap.indicators.core.TargetSpec;

/**
 * Targets and progress reasons as officials read them (issue 19): a status target's word in their language
 * ("Đạt chuẩn", never "met"), and every number with the Vietnamese decimal comma ("≥ 99,5", "99,64"), so that a
 * page never mixes "99,64%" with "≥ 99.5%". Used by the dashboard templates ({@code @indicatorText}) and the annual
 * review.
 */
@Component("indicatorText")
public class IndicatorText {

    private static final Pattern DECIMAL = Pattern.compile("(\\d)\\.(\\d)");

    private final MessageSource messages;

    IndicatorText(MessageSource messages) {
        this.messages = messages;
    }

    /** The target as text: a status target's word translated, numbers with the locale's decimal separator. */
    public String target(TargetSpec t) {
        return target(t, LocaleContextHolder.getLocale());
    }

    public String target(TargetSpec t, Locale locale) {
        if (t == null) {
            return "—";
        }
        if (t instanceof TargetSpec.Status s) {
            return word(s.word(), locale);
        }
        return number(t.text(), locale) + "%";
    }

    /** The arguments of a progress reason: target words translated, decimal points made commas in Vietnamese. */
    public Object[] args(Object[] args) {
        return args(args, LocaleContextHolder.getLocale());
    }

    public Object[] args(Object[] args, Locale locale) {
        if (args == null) {
            return null;
        }
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof String s) {
                out[i] = isWord(s) ? word(s, locale) : number(s, locale);
            }
        }
        return out;
    }

    /** The reason of an assessment, in words. */
    public String reason(String key, Object[] args, Locale locale) {
        return messages.getMessage(key, args(args, locale), key, locale);
    }

    private static boolean isWord(String s) {
        return s.equals("met") || s.equals("registered") || s.equals("recognised");
    }

    private String word(String w, Locale locale) {
        return messages.getMessage("target.word." + w, null, w, locale);
    }

    /** "99.5" → "99,5" in Vietnamese (only between digits, so "≥ 99.5–100" and plain words are safe). */
    static String number(String s, Locale locale) {
        if (!"vi".equals(locale.getLanguage())) {
            return s;
        }
        Matcher m = DECIMAL.matcher(s);
        return m.replaceAll("$1,$2");
    }
}
