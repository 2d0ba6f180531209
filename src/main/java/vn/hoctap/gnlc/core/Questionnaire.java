package vn.hoctap.gnlc.core;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Bộ câu hỏi: a versioned questionnaire the city receives from UIL (the biennial progress report or the Learning City
 * Award application), entered as data: each question with its Vietnamese and English wording, its word limit (when
 * known) and the areas or features it is about. A sample built by the platform says so ({@link #sample()}). Pure Java.
 */
public record Questionnaire(String code, int version, Kind kind, boolean sample, String titleVi, String titleEn,
                            String source, List<Question> questions) {

    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{2,60}");

    /** Báo cáo tiến độ hai năm một lần, or hồ sơ Giải thưởng Thành phố học tập UNESCO. */
    public enum Kind { BIENNIAL, AWARD }

    public record Question(int number, Integer wordLimit, List<String> targets, String textVi, String textEn) {
    }

    public Question question(int number) {
        return questions.stream().filter(q -> q.number() == number).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no question " + number + " in " + code));
    }

    /**
     * Reads a questionnaire file; every target must be known ({@code knownTarget}: an area or feature of the
     * framework). A bad line refuses the whole file with its location.
     */
    public static Questionnaire parse(Reader reader, String file, Predicate<String> knownTarget) {
        Questionnaire head = null;
        List<Question> questions = new ArrayList<>();
        Set<Integer> numbers = new HashSet<>();
        for (Lines.Line l : Lines.read(reader)) {
            String kind = l.get(0);
            if (kind.equals("questionnaire")) {
                Lines.expect(file, l, 8, kind);
                if (head != null) throw new GnlcFileException(file, l.number(), kind, "gnlc.file.duplicate", kind);
                String code = Lines.required(file, l, 1, "code");
                if (!CODE.matcher(code).matches()) throw new GnlcFileException(file, l.number(), "code", "gnlc.file.bad-code", code);
                int version = number(file, l, 2, "version");
                Kind k;
                try {
                    k = Kind.valueOf(l.get(3));
                } catch (IllegalArgumentException e) {
                    throw new GnlcFileException(file, l.number(), "kind", "gnlc.file.bad-kind", l.get(3));
                }
                String sample = l.get(4);
                if (!sample.equals("yes") && !sample.equals("no")) {
                    throw new GnlcFileException(file, l.number(), "sample", "gnlc.file.bad-yes-no", sample);
                }
                head = new Questionnaire(code, version, k, sample.equals("yes"), Lines.required(file, l, 5, "title_vi"),
                        Lines.required(file, l, 6, "title_en"), Lines.required(file, l, 7, "source"), List.of());
            } else if (kind.equals("question")) {
                Lines.expect(file, l, 6, kind);
                if (head == null) throw new GnlcFileException(file, l.number(), kind, "gnlc.file.question-first", kind);
                int n = number(file, l, 1, "number");
                if (!numbers.add(n)) throw new GnlcFileException(file, l.number(), "number", "gnlc.file.duplicate", String.valueOf(n));
                Integer limit = l.get(2).isEmpty() ? null : number(file, l, 2, "word_limit");
                List<String> targets = Arrays.stream(Lines.required(file, l, 3, "targets").split(",")).map(String::strip).toList();
                for (String t : targets) {
                    if (!knownTarget.test(t)) throw new GnlcFileException(file, l.number(), "targets", "gnlc.file.unknown-target", t);
                }
                questions.add(new Question(n, limit, targets, Lines.required(file, l, 4, "text_vi"), Lines.required(file, l, 5, "text_en")));
            } else {
                throw new GnlcFileException(file, l.number(), "kind", "gnlc.file.unknown-kind", kind);
            }
        }
        if (head == null) throw new GnlcFileException(file, 1, "questionnaire", "gnlc.file.required", "");
        if (questions.isEmpty()) throw new GnlcFileException(file, 1, "question", "gnlc.file.required", "");
        questions.sort(java.util.Comparator.comparingInt(Question::number));
        return new Questionnaire(head.code, head.version, head.kind, head.sample, head.titleVi, head.titleEn, head.source,
                List.copyOf(questions));
    }

    private static int number(String file, Lines.Line l, int i, String field) {
        try {
            int n = Integer.parseInt(l.get(i));
            if (n < 1) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new GnlcFileException(file, l.number(), field, "gnlc.file.bad-number", l.get(i));
        }
    }
}
