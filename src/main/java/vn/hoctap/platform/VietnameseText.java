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
        boolean ascii = isAscii(text);
        if (ascii && isFoldedAscii(text)) {
            return text;
        }
        return appendFold(new StringBuilder(text.length()), text, ascii).toString();
    }

    /**
     * Appends {@link #fold}{@code (text)} to {@code out} without making the folded string first (a register import
     * appends the two ids of every person to the person's search key this way).
     */
    public static StringBuilder appendFold(StringBuilder out, String text) {
        return text == null ? out : appendFold(out, text, isAscii(text));
    }

    private static StringBuilder appendFold(StringBuilder out, String text, boolean ascii) {
        // ASCII text (person and household ids) is its own NFD: skip the normaliser, the costliest step
        String decomposed = ascii ? text : Normalizer.normalize(text, Normalizer.Form.NFD);
        int start = out.length();
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
        if (len > start && out.charAt(len - 1) == ' ') {
            out.setLength(len - 1);
        }
        if (!ascii) {
            // letters whose lower case is longer than one char (Locale.ROOT rules); ASCII has none
            String folded = out.substring(start).toLowerCase(Locale.ROOT);
            out.setLength(start);
            out.append(folded);
        }
        return out;
    }

    /**
     * Whether an ASCII text is already its own {@link #fold} (person and household ids, folded twice per person by a
     * register import): no capital letter, no white space but single spaces between words. Then it is returned
     * itself, without a copy.
     */
    private static boolean isFoldedAscii(String text) {
        int n = text.length();
        boolean lastSpace = true;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean space = Character.isWhitespace(c);
            if ((c >= 'A' && c <= 'Z') || (space && (c != ' ' || lastSpace || i == n - 1))) {
                return false;
            }
            lastSpace = space;
        }
        return true;
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
