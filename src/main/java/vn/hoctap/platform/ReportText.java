package vn.hoctap.platform;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of a generated report (PDF, XLSX) in the report's language, from the application's message bundles
 * (messages.properties, messages_en.properties), so that the exports, which run without Spring, say what the pages
 * say and no report carries its own inline pairs of English and Vietnamese strings. Vietnamese unless the locale's language is
 * English; no fallback to the machine's locale. A message with arguments is a {@link MessageFormat} pattern, as in
 * Spring's message source.
 */
public final class ReportText {

    private static final ReportText VI = new ReportText(Locale.forLanguageTag("vi"));
    private static final ReportText EN = new ReportText(Locale.ENGLISH);

    private final Locale locale;
    private final ResourceBundle bundle;

    private ReportText(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** English when the locale's language is English, Vietnamese otherwise. */
    public static ReportText of(Locale locale) {
        return of(locale != null && "en".equals(locale.getLanguage()));
    }

    public static ReportText of(boolean english) {
        return english ? EN : VI;
    }

    public boolean english() {
        return this == EN;
    }

    public Locale locale() {
        return locale;
    }

    /** The language tag for the document's metadata: "vi" or "en". */
    public String language() {
        return english() ? "en" : "vi";
    }

    /** The message of {@code key}; with arguments, formatted as a {@link MessageFormat} pattern. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no message '" + key + "' in the bundle for " + language(), e);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** "có"/"yes" or "không"/"no". */
    public String yesNo(boolean b) {
        return get(b ? "report.yes" : "report.no");
    }
}
