package vn.hoctap.synthetic.core;


import vn.hoctap.synthetic.core.Structure;
import vn.hoctap.synthetic.core.SyntheticRegister;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hand-coded reading of docs/contracts/standards.md: the twelve commune criteria and the commune
 * levels of MN5, TH, THCS and XMC, computed by streaming persons.csv.
 */
final class StandardsCalculator {

    static final String[] CRITERIA = {
        "MN5.attend_age5", "MN5.complete_age6", "TH.grade1_age6", "TH.complete_age11", "TH.age11_in_primary",
        "TH.complete_age14", "THCS.diploma_15_18", "THCS.attend_15_18", "XMC.lit1_15_35", "XMC.lit1_15_25",
        "XMC.lit2_15_60", "XMC.lit2_15_35"};
    static final int ATTEND5 = 0;
    static final int COMPLETE6 = 1;
    static final int GRADE1 = 2;
    static final int COMPLETE11 = 3;
    static final int IN_PRIMARY11 = 4;
    static final int COMPLETE14 = 5;
    static final int DIPLOMA = 6;
    static final int ATTEND15 = 7;
    static final int LIT1_35 = 8;
    static final int LIT1_25 = 9;
    static final int LIT2_60 = 10;
    static final int LIT2_35 = 11;

    /** Criteria counts and levels of one commune. */
    static final class Commune {
        final String code;
        final boolean disadvantaged;
        final long[] num = new long[CRITERIA.length];
        final long[] den = new long[CRITERIA.length];
        boolean mn5;
        int th;
        int thcs;
        int xmc;

        Commune(String code, boolean disadvantaged) {
            this.code = code;
            this.disadvantaged = disadvantaged;
        }

        void count(int criterion, boolean hit) {
            den[criterion]++;
            if (hit) {
                num[criterion]++;
            }
        }

        boolean meets(int criterion, double threshold) {
            return den[criterion] == 0 || num[criterion] * 100.0 >= threshold * den[criterion];
        }

        double rate(int criterion) {
            return den[criterion] == 0 ? 100.0 : 100.0 * num[criterion] / den[criterion];
        }

        void computeLevels() {
            boolean d = disadvantaged;
            mn5 = meets(ATTEND5, d ? 90 : 95) && meets(COMPLETE6, d ? 80 : 85);
            th = 0;
            if (meets(GRADE1, 90) && meets(COMPLETE14, d ? 70 : 80)) {
                th = 1;
                if (meets(GRADE1, 95) && meets(COMPLETE11, d ? 70 : 80) && meets(IN_PRIMARY11, 100)) {
                    th = 2;
                    if (meets(GRADE1, 98) && meets(COMPLETE11, d ? 80 : 90)) {
                        th = 3;
                    }
                }
            }
            xmc = 0;
            if (d ? meets(LIT1_25, 90) : meets(LIT1_35, 90)) {
                xmc = 1;
                if (d ? meets(LIT2_35, 90) : meets(LIT2_60, 90)) {
                    xmc = 2;
                }
            }
            thcs = 0;
            if (th >= 1 && xmc >= 1 && meets(DIPLOMA, d ? 70 : 80)) {
                thcs = 1;
                if (meets(DIPLOMA, d ? 80 : 90)) {
                    thcs = 2;
                    if (meets(DIPLOMA, d ? 90 : 95) && meets(ATTEND15, d ? 70 : 80)) {
                        thcs = 3;
                    }
                }
            }
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(code).append(d() ? " (ĐBKK)" : "").append(": MN5=").append(mn5)
                    .append(" TH=").append(th).append(" THCS=").append(thcs).append(" XMC=").append(xmc);
            for (int i = 0; i < CRITERIA.length; i++) {
                sb.append(String.format(java.util.Locale.ROOT, " %s=%d/%d", CRITERIA[i].substring(CRITERIA[i].indexOf('.') + 1), num[i], den[i]));
            }
            return sb.toString();
        }

        private boolean d() {
            return disadvantaged;
        }
    }

    private StandardsCalculator() {
    }

    static Map<String, Commune> compute(Reader units, Reader persons, int year) throws IOException {
        Accumulator acc = new Accumulator(units, year);
        BufferedReader pr = new BufferedReader(persons, 1 << 16);
        String line;
        while ((line = pr.readLine()) != null) {
            acc.accept(line);
        }
        return acc.finish();
    }

    /** Takes persons.csv line by line (the first line is the header), so nothing is kept per person. */
    static final class Accumulator implements java.util.function.Consumer<String> {
        final Map<String, Commune> communes = new LinkedHashMap<>();
        final int year;
        private int cCommune;
        private int cBirth;
        private int cDis;
        private int cEnr;
        private int cGrade;
        private int cPre;
        private int cPrim;
        private int cLow;
        private int cUp;
        private int cHigh;
        private int cStage;
        private boolean headerSeen;

        Accumulator(Reader units, int year) throws IOException {
            this.year = year;
            BufferedReader ur = new BufferedReader(units);
            Map<String, Integer> uh = Csv.header(ur.readLine());
            String line;
            while ((line = ur.readLine()) != null) {
                String[] f = Csv.split(line, ',');
                if ("commune".equals(f[uh.get("level")])) {
                    Integer di = uh.get("disadvantaged");
                    boolean dis = di != null && di < f.length && "true".equals(f[di]);
                    communes.put(f[uh.get("code")], new Commune(f[uh.get("code")], dis));
                }
            }
        }

        @Override
        public void accept(String line) {
            if (!headerSeen) {
                Map<String, Integer> h = Csv.header(line);
                cCommune = h.get("commune_code");
                cBirth = h.get("birth_date");
                cDis = h.get("disability");
                cEnr = h.get("enrolment");
                cGrade = h.get("grade");
                cPre = h.get("preschool_completed");
                cPrim = h.get("primary_completed");
                cLow = h.get("lower_secondary_diploma");
                cUp = h.get("upper_secondary_completed");
                cHigh = h.get("highest_grade_completed");
                cStage = h.get("literacy_stage_completed");
                headerSeen = true;
                return;
            }
            String[] f = Csv.split(line, ',');
            if ("cannot_learn".equals(f[cDis])) {
                return;
            }
            Commune c = communes.get(f[cCommune]);
            int age = year - Integer.parseInt(f[cBirth].substring(0, 4));
            String enr = f[cEnr].isEmpty() ? "none" : f[cEnr];
            boolean primary = done(f[cPrim], year);
            boolean lower = done(f[cLow], year);
            boolean upper = done(f[cUp], year);
            if (age == 5) {
                c.count(ATTEND5, enr.equals("preschool"));
            }
            if (age == 6) {
                c.count(COMPLETE6, done(f[cPre], year));
                c.count(GRADE1, enr.equals("primary") && "1".equals(f[cGrade]));
            }
            if (age == 11) {
                c.count(COMPLETE11, primary);
                c.count(IN_PRIMARY11, primary || enr.equals("primary"));
            }
            if (age == 14) {
                c.count(COMPLETE14, primary);
            }
            if (age >= 15 && age <= 18) {
                c.count(DIPLOMA, lower);
                c.count(ATTEND15, enr.equals("upper_secondary") || enr.equals("continuing_upper_secondary")
                        || enr.equals("vocational") || upper);
            }
            if (age >= 15 && age <= 60) {
                int hg = f[cHigh].isEmpty() ? -1 : Integer.parseInt(f[cHigh]);
                int st = f[cStage].isEmpty() ? -1 : Integer.parseInt(f[cStage]);
                boolean anyDone = primary || lower || upper;
                boolean lit1 = hg >= 3 || st >= 1 || anyDone;
                boolean lit2 = hg >= 5 || st == 2 || anyDone;
                if (age <= 35) {
                    c.count(LIT1_35, lit1);
                    c.count(LIT2_35, lit2);
                }
                if (age <= 25) {
                    c.count(LIT1_25, lit1);
                }
                c.count(LIT2_60, lit2);
            }
        }

        Map<String, Commune> finish() {
            for (Commune c : communes.values()) {
                c.computeLevels();
            }
            return communes;
        }
    }

    private static boolean done(String yearField, int year) {
        return !yearField.isEmpty() && Integer.parseInt(yearField) <= year;
    }

    /** Level histogram like {@code MN5 {false=3, true=123}}. */
    static Map<String, Map<Object, Integer>> histogram(Map<String, Commune> communes) {
        Map<String, Map<Object, Integer>> out = new LinkedHashMap<>();
        for (String s : new String[] {"MN5", "TH", "THCS", "XMC"}) {
            out.put(s, new TreeMap<>());
        }
        for (Commune c : communes.values()) {
            out.get("MN5").merge(c.mn5, 1, Integer::sum);
            out.get("TH").merge(c.th, 1, Integer::sum);
            out.get("THCS").merge(c.thcs, 1, Integer::sum);
            out.get("XMC").merge(c.xmc, 1, Integer::sum);
        }
        return out;
    }

    /** Ad-hoc use: {@code StandardsCalculator DIR YEAR}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int year = Integer.parseInt(args[1]);
        Map<String, Commune> r = compute(Files.newBufferedReader(dir.resolve("units.csv"), StandardCharsets.UTF_8),
                Files.newBufferedReader(dir.resolve("persons.csv"), StandardCharsets.UTF_8), year);
        Map<String, String> profiles = args.length > 2
                ? SyntheticRegister.communeProfiles(Long.parseLong(args[2]), Structure.parse(args[3])) : Map.of();
        for (Commune c : r.values()) {
            if (!c.mn5 || c.th < 3 || c.thcs < 3 || c.xmc < 2 || !"normal".equals(profiles.getOrDefault(c.code, "normal"))) {
                System.out.println(c + "  <" + profiles.get(c.code) + ">");
            }
        }
        System.out.println(histogram(r));
    }
}
