package vn.hoctap.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.hoctap.titles.core.CampaignWorkflow;

/**
 * Every action code and kind of record that can reach the audit table has a label in Vietnamese and English
 * ({@code audit.action.*}, {@code audit.entity.*}), so the audit log never shows a code (issue 19). The codes are found
 * by reading every {@code audit.record(…)} call in src/main/java: string literals in its first two arguments (a
 * ternary gives both), and every {@code new AuditLog.Pending(…)} (events written together by {@code recordAll}): its
 * second and third arguments. A call whose action is a variable must be listed in {@link #COMPUTED} with the codes it can
 * take; a new such call fails the test until it is listed.
 */
class AuditLabelsTest {

    /** Calls whose action is computed: file → every code it can take. */
    static final Map<String, List<String>> COMPUTED = Map.of(
            "vn/hoctap/reporting/Reports.java", List.of("submit", "accept", "approve", "reject", "reapprove"),
            "vn/hoctap/gnlc/internal/GnlcReports.java", List.of("gnlc.answer.draft", "gnlc.answer.save"),
            "vn/hoctap/titles/internal/Campaigns.java", Stream.of(CampaignWorkflow.Step.values())
                    .map(s -> "titles.evaluation." + s.name().toLowerCase().replace('_', '-')).toList());

    record Call(String file, int line, List<String> actions, List<String> entities, boolean computed) {
    }

    static List<Call> calls() throws IOException {
        Path root = Path.of("src/main/java");
        List<Call> out = new ArrayList<>();
        Pattern start = Pattern.compile("\\baudit\\s*\\.\\s*record\\s*\\(");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String s = Files.readString(f);
                Matcher m = start.matcher(s);
                while (m.find()) {
                    List<String> args = firstArguments(s, m.end(), 2);
                    int line = (int) s.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                    List<String> actions = literals(args.get(0));
                    out.add(new Call(root.relativize(f).toString().replace('\\', '/'), line, actions,
                            args.size() > 1 ? literals(args.get(1)) : List.of(), actions.isEmpty()));
                }
                // events written in one statement for many (AuditLog.recordAll): new AuditLog.Pending(actor, action, kind, …)
                Matcher pending = Pattern.compile("\\bnew\\s+(?:AuditLog\\s*\\.\\s*)?Pending\\s*\\(").matcher(s);
                while (pending.find()) {
                    List<String> args = firstArguments(s, pending.end(), 3);
                    int line = (int) s.substring(0, pending.start()).chars().filter(c -> c == '\n').count() + 1;
                    List<String> actions = args.size() > 1 ? literals(args.get(1)) : List.of();
                    out.add(new Call(root.relativize(f).toString().replace('\\', '/'), line, actions,
                            args.size() > 2 ? literals(args.get(2)) : List.of(), actions.isEmpty()));
                }
            }
        }
        return out;
    }

    /** The first {@code n} top-level arguments of a call whose argument list starts at {@code from}. */
    static List<String> firstArguments(String s, int from, int n) {
        List<String> args = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < s.length() && args.size() < n; i++) {
            char c = s.charAt(i);
            if (inString) {
                cur.append(c);
                if (c == '\\') cur.append(s.charAt(++i));
                else if (c == '"') inString = false;
            } else if (c == '"') {
                inString = true;
                cur.append(c);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
                cur.append(c);
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    args.add(cur.toString());
                    break;
                }
                depth--;
                cur.append(c);
            } else if (c == ',' && depth == 0) {
                args.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        return args;
    }

    static List<String> literals(String expression) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(expression);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void everyActionAndRecordKindWrittenToTheAuditTableHasALabelInBothLanguages() throws IOException {
        List<Call> calls = calls();
        // the scan itself works: it finds calls of many modules, with literal and computed actions
        assertThat(calls).hasSizeGreaterThan(80);
        assertThat(calls).anySatisfy(c -> assertThat(c.actions()).contains("fund.post"));
        assertThat(calls).anySatisfy(c -> assertThat(c.entities()).contains("centre_course"));

        Set<String> actions = new TreeSet<>();
        Set<String> entities = new TreeSet<>();
        Map<String, String> unlisted = new TreeMap<>();
        for (Call c : calls) {
            actions.addAll(c.actions());
            entities.addAll(c.entities());
            if (c.computed()) {
                List<String> codes = COMPUTED.get(c.file());
                if (codes == null) unlisted.put(c.file() + ":" + c.line(), "action is computed; list its codes in COMPUTED");
                else actions.addAll(codes);
            }
            if (c.entities().isEmpty()) unlisted.put(c.file() + ":" + c.line(), "kind of record is not a literal");
        }
        assertThat(unlisted).as("audit.record calls the test cannot read").isEmpty();
        assertThat(actions).contains("fund.post", "gnlc.answer.draft", "titles.evaluation.self-assess", "reapprove", "login-failed");

        for (String suffix : List.of("", "_en")) {
            Properties labels = bundles(suffix);
            List<String> missing = new ArrayList<>();
            for (String a : actions) if (!labels.containsKey("audit.action." + a)) missing.add("audit.action." + a);
            for (String e : entities) if (!labels.containsKey("audit.entity." + e)) missing.add("audit.entity." + e);
            assertThat(missing).as("labels missing in messages" + suffix + ".properties (any bundle)").isEmpty();
        }
        // and a Vietnamese label is not the code itself
        Properties vi = bundles("");
        assertThat(vi.getProperty("audit.action.fund.post")).isEqualTo("Ghi sổ bút toán");
        for (String a : actions) assertThat(vi.getProperty("audit.action." + a)).as(a).isNotEqualTo(a);
    }

    @Test
    void aComputedActionListedHereIsReallyComputedThere() throws IOException {
        // keeps COMPUTED honest: each listed file has a call with a computed action
        Set<String> computedFiles = new TreeSet<>();
        for (Call c : calls()) if (c.computed()) computedFiles.add(c.file());
        assertThat(computedFiles).containsExactlyInAnyOrderElementsOf(COMPUTED.keySet());
        String reports = Files.readString(Path.of("src/main/java/vn/hoctap/reporting/Reports.java"));
        for (String code : COMPUTED.get("vn/hoctap/reporting/Reports.java")) assertThat(reports).contains("\"" + code + "\"");
        String gnlc = Files.readString(Path.of("src/main/java/vn/hoctap/gnlc/internal/GnlcReports.java"));
        for (String code : COMPUTED.get("vn/hoctap/gnlc/internal/GnlcReports.java")) assertThat(gnlc).contains("\"" + code + "\"");
    }

    static Properties bundles(String suffix) throws IOException {
        Properties all = new Properties();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("messages" + suffix + ".properties")).toList()) {
                try (Reader r = new InputStreamReader(Files.newInputStream(f), StandardCharsets.UTF_8)) {
                    Properties p = new Properties();
                    p.load(r);
                    all.putAll(p);
                }
            }
        }
        return all;
    }
}
