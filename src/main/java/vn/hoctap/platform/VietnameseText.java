package vn.hoctap.platform;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Vietnamese text helpers. {@link #fold} turns a name into its search key: lower case, without tone
 * marks or vowel marks, with đ/Đ as d, and with runs of white space collapsed, so that "hoan kiem",
 * "Hoàn Kiếm" and "HOÀN  KIẾM" all match.
 */
public final class VietnameseText {

    private VietnameseText() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        if (isAscii(text)) {
            return foldAscii(text);
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean lastSpace = true;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == 'đ' || c == 'Đ') {
                c = 'd';
            }
            if (Character.isWhitespace(c)) {
                if (!lastSpace) {
                    out.append(' ');
                }
                lastSpace = true;
                continue;
            }
            out.append(Character.toLowerCase(c));
            lastSpace = false;
        }
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) == ' ') {
            out.setLength(len - 1);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * {@link #fold} of an ASCII text (person and household ids: a register import folds two a person): no marks to
     * remove, no normalisation; lower case and white space collapsed as for any text, and the text itself, without a
     * copy, when there is nothing to change.
     */
    private static String foldAscii(String text) {
        int n = text.length();
        boolean unchanged = true;
        boolean lastSpace = true;
        for (int i = 0; i < n && unchanged; i++) {
            char c = text.charAt(i);
            boolean space = Character.isWhitespace(c);
            unchanged = !(c >= 'A' && c <= 'Z') && (!space || (c == ' ' && !lastSpace && i < n - 1));
            lastSpace = space;
        }
        if (unchanged) {
            return text;
        }
        StringBuilder out = new StringBuilder(n);
        lastSpace = true;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (!lastSpace) {
                    out.append(' ');
                }
                lastSpace = true;
                continue;
            }
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
            lastSpace = false;
        }
        int len = out.length();
        if (len > 0 && out.charAt(len - 1) == ' ') {
            out.setLength(len - 1);
        }
        return out.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Vietnamese alphabetical order (a ă â b c d đ e ê … o ô ơ … u ư …, tone marks after letters), the order in
     * which officials expect lists of communes and villages: the JDK's collation rules for {@code vi}.
     */
    public static final java.util.Comparator<String> ORDER = new java.util.Comparator<>() {
        private final java.text.Collator collator = java.text.Collator.getInstance(Locale.forLanguageTag("vi"));

        @Override
        public int compare(String a, String b) {
            // RuleBasedCollator.compare is synchronized; null sorts first
            return a == null ? (b == null ? 0 : -1) : b == null ? 1 : collator.compare(a, b);
        }
    };

    /** Unicode NFC, the form in which names are stored and compared. */
    public static String nfc(String text) {
        return text == null ? null : Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
    }
}
