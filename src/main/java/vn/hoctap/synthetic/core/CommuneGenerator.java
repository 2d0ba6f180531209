package vn.hoctap.synthetic.core;

import java.io.IOException;
import java.io.Writer;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Writes the person rows of one commune. Everything drawn comes from one {@link SplittableRandom}
 * seeded from (seed, commune code), so a commune's rows depend on nothing else. Only a block of at
 * most {@link #BLOCK} ages is held at a time (to group persons into households); rows go straight
 * into a small text buffer that is flushed to the writer.
 */
final class CommuneGenerator {

    /** Persons drawn at once to be grouped into households. */
    static final int BLOCK = 64;
    static final int MAX_AGE = 100;
    private static final int FLUSH_AT = 1 << 15;

    /**
     * Share of the population per single year of age within each 5-year group 0–4 … 95–100, in
     * percent (Việt Nam / Hà Nội, shape of the 2019 census pyramid): about 1.3–1.5 % a year up to 40,
     * falling after 45 and steeply after 65.
     */
    private static final double[] PER_YEAR_BY_GROUP = {
        1.30, 1.45, 1.45, 1.30, 1.35, 1.45, 1.50, 1.50, 1.40, 1.30,
        1.20, 1.10, 0.95, 0.80, 0.55, 0.35, 0.25, 0.15, 0.07, 0.03, 0.02};
    private static final double[] AGE_CDF = new double[MAX_AGE + 1];
    /** Household size 1–6 (mean about 3.25). */
    private static final double[] HH_CDF = {0.13, 0.34, 0.56, 0.80, 0.92, 1.0};
    private static final int[] CUM_DAYS = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};

    private static final String[] MINORITIES = {"Mường", "Tày", "Thái", "Nùng", "Hoa", "Dao"};
    private static final double[] MINORITIES_CDF = {0.40, 0.58, 0.73, 0.84, 0.94, 1.0};

    static {
        double total = 0;
        for (int a = 0; a <= MAX_AGE; a++) {
            total += PER_YEAR_BY_GROUP[a / 5];
        }
        double cum = 0;
        for (int a = 0; a <= MAX_AGE; a++) {
            cum += PER_YEAR_BY_GROUP[a / 5] / total;
            AGE_CDF[a] = cum;
        }
        AGE_CDF[MAX_AGE] = 1.0;
    }

    private final String code;
    private final CommuneProfile p;
    private final int year;
    private final SplittableRandom rng;
    private final String villagePrefix;
    private final int villages;
    private final Writer out;
    private final StringBuilder sb = new StringBuilder(FLUSH_AT + 4096);

    private long personSeq;
    private long householdSeq;

    CommuneGenerator(String code, CommuneProfile profile, int year, long communeSeed, int villages, Writer out) {
        this.code = code;
        this.p = profile;
        this.year = year;
        this.rng = new SplittableRandom(communeSeed);
        this.villagePrefix = profile.urban ? "Tổ dân phố " : "Thôn ";
        this.villages = villages;
        this.out = out;
    }

    long households() {
        return householdSeq;
    }

    /** Writes {@code count} persons; {@code written} is told after every block. */
    void generate(long count, LongConsumer written) throws IOException {
        int[] adults = new int[BLOCK];
        int[] minors = new int[BLOCK];
        long left = count;
        while (left > 0) {
            int n = (int) Math.min(BLOCK, left);
            int na = 0;
            int nm = 0;
            for (int i = 0; i < n; i++) {
                int a = drawAge();
                if (a >= 18) {
                    adults[na++] = a;
                } else {
                    minors[nm++] = a;
                }
            }
            int ia = 0;
            int im = 0;
            int rem = n;
            while (rem > 0) {
                int size = Math.min(drawHouseholdSize(), rem);
                long hh = ++householdSeq;
                int village = 1 + rng.nextInt(villages);
                boolean temporary = rng.nextDouble() < p.temporary;
                String ethnicity = drawEthnicity();
                for (int m = 0; m < size; m++) {
                    // the first member is an adult when possible, the second usually too, the rest mostly children
                    boolean wantAdult = m == 0 || rng.nextDouble() < (m == 1 ? 0.85 : 0.3);
                    int age = (wantAdult ? ia < na : im >= nm) ? adults[ia++] : minors[im++];
                    person(age, hh, village, temporary, ethnicity);
                }
                rem -= size;
            }
            left -= n;
            if (sb.length() >= FLUSH_AT) {
                flush();
            }
            written.accept(n);
        }
        flush();
    }

    private void flush() throws IOException {
        if (sb.length() > 0) {
            out.append(sb);
            sb.setLength(0);
        }
    }

    private int drawAge() {
        double u = rng.nextDouble();
        int lo = 0;
        int hi = MAX_AGE;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (AGE_CDF[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private int drawHouseholdSize() {
        double u = rng.nextDouble();
        for (int i = 0; i < HH_CDF.length; i++) {
            if (u < HH_CDF[i]) {
                return i + 1;
            }
        }
        return HH_CDF.length;
    }

    private String drawEthnicity() {
        if (rng.nextDouble() >= p.minority) {
            return null;
        }
        if (p.mountainMinorities) {
            return rng.nextDouble() < 0.85 ? "Mường" : "Dao";
        }
        double u = rng.nextDouble();
        for (int i = 0; i < MINORITIES.length; i++) {
            if (u < MINORITIES_CDF[i]) {
                return MINORITIES[i];
            }
        }
        return MINORITIES[0];
    }

    private static double maleShare(int age) {
        if (age < 20) {
            return 0.52;   // sex ratio at birth about 110
        }
        if (age < 60) {
            return 0.495;
        }
        if (age < 75) {
            return 0.45;
        }
        return 0.38;
    }

    /**
     * Last general-education grade the person completes (0–12). Cohorts born 2000 or later follow
     * the commune's current school profile; older cohorts follow historical shares.
     */
    private int lastGrade(int birthYear, int age) {
        double u = rng.nextDouble();
        int grade;
        if (birthYear >= 2000) {
            double c = p.never;
            if (u < c) {
                grade = 0;
            } else if (u < (c += p.early)) {
                grade = 1 + rng.nextInt(4);
            } else if (u < (c += p.midDrop)) {
                grade = 5 + rng.nextInt(4);
            } else if (u < (c += p.stop9)) {
                grade = 9;
            } else if (u < c + p.upperDrop) {
                grade = 10 + rng.nextInt(2);
            } else {
                grade = 12;
            }
        } else {
            // shares of grade 0-2, 3-4, 5-8, 9, 10-11 (rest 12) by birth cohort
            double[] s;
            if (birthYear >= 1985) {
                s = new double[] {0.003, 0.007, 0.05, 0.14, 0.02};
            } else if (birthYear >= 1970) {
                s = new double[] {0.006, 0.014, 0.09, 0.24, 0.03};
            } else if (birthYear >= 1955) {
                s = new double[] {0.02, 0.03, 0.18, 0.28, 0.04};
            } else {
                s = new double[] {0.07, 0.07, 0.28, 0.26, 0.04};
            }
            double c = s[0];
            if (u < c) {
                grade = rng.nextInt(3);
            } else if (u < (c += s[1])) {
                grade = 3 + rng.nextInt(2);
            } else if (u < (c += s[2])) {
                grade = 5 + rng.nextInt(4);
            } else if (u < (c += s[3])) {
                grade = 9;
            } else if (u < c + s[4]) {
                grade = 10 + rng.nextInt(2);
            } else {
                grade = 12;
            }
        }
        // weaker literacy profile: extra adults who left after grade 0-4
        double v = rng.nextDouble();
        if (age >= 19 && v < p.adultLow) {
            grade = v < p.adultLow * 0.25 ? rng.nextInt(3) : 3 + rng.nextInt(2);
        }
        return grade;
    }

    private void person(int age, long hh, int village, boolean temporary, String ethnicity) {
        final int y = year;
        final int b = y - age;
        final StringBuilder sb = this.sb;
        long id = ++personSeq;

        sb.append('P').append(code).append('-').append(id).append(',');
        sb.append('H').append(code).append('-').append(hh).append(',');
        sb.append(code).append(',');
        sb.append(villagePrefix).append(village).append(',');
        int doy = 1 + rng.nextInt(isLeap(b) ? 366 : 365);
        if (rng.nextDouble() < 0.05) {
            sb.append(b);
        } else {
            appendDate(sb, b, doy);
        }
        sb.append(',');
        boolean male = rng.nextDouble() < maleShare(age);
        sb.append(male ? 'M' : 'F').append(',');
        if (ethnicity != null) {
            sb.append(ethnicity);
        }
        sb.append(',');
        sb.append(temporary ? "temporary" : "permanent").append(',');
        double ud = rng.nextDouble();
        int disability = ud < 0.003 ? 2 : ud < 0.008 ? 1 : 0;
        sb.append(disability == 2 ? "cannot_learn" : disability == 1 ? "can_learn" : "none").append(',');

        // ---- school path -------------------------------------------------------------------
        int late = rng.nextDouble() < p.lateStart + (disability == 1 ? 0.25 : 0) ? 1 : 0;
        int repeatAt = 99;
        double ur = rng.nextDouble();
        if (ur < p.repeatPrimary) {
            repeatAt = 1 + rng.nextInt(5);
        } else if (ur < p.repeatPrimary + p.repeatSecondary) {
            repeatAt = 6 + rng.nextInt(4);
        }
        int last = lastGrade(b, age);
        boolean gdtxPupil = rng.nextDouble() < p.gdtx;
        boolean vocAfter9 = rng.nextDouble() < p.vocAfter9;
        double path = rng.nextDouble();
        boolean university = path < universityShare(b);
        boolean college = !university && path < universityShare(b) + 0.12;
        boolean fifthYear = rng.nextDouble() < 0.15;
        boolean noEducation = disability == 2 && (age <= 25 || rng.nextDouble() < 0.5);
        if (noEducation) {
            last = 0;
        }
        // grade 1 starts in September of `start`; the preschool programme for 5-year-olds ends in June of `start`;
        // grade g is completed in June of start + g (+1 from the repeated grade on)
        final int start = b + 6 + late;
        int done = 0;
        for (int g = 1; g <= last; g++) {
            if (start + g + (g >= repeatAt ? 1 : 0) <= y) {
                done = g;
            } else {
                break;
            }
        }
        boolean started = !noEducation && start <= y;
        String enrolment = "none";
        int grade = 0;
        boolean inGeneral = false;
        if (noEducation) {
            // exempt
        } else if (!started) {
            double pa = age <= 1 ? 0 : age == 2 ? p.p2 : age == 3 ? p.p3 : age == 4 ? p.p4 : p.p5;
            if (rng.nextDouble() < pa) {
                enrolment = "preschool";
            }
        } else if (done < last) {
            inGeneral = true;
            grade = done + 1;
            enrolment = grade <= 5 ? "primary" : grade <= 9 ? "lower_secondary"
                    : gdtxPupil ? "continuing_upper_secondary" : "upper_secondary";
        } else if (last == 9 && vocAfter9 && y - completion(start, 9, repeatAt) < 3) {
            enrolment = "vocational";
        } else if (last == 12) {
            int k = y - completion(start, 12, repeatAt);
            if (university && (k <= 3 || (k == 4 && fifthYear))) {
                enrolment = "higher";
            } else if (college && k <= 2) {
                enrolment = "vocational";
            }
        }
        int stage = -1;
        if (!noEducation && started && !inGeneral && age >= 15 && last < 5) {
            double u = rng.nextDouble();
            boolean older = b < 1970;
            if (last < 3) {
                stage = u < (older ? 0.45 : 0.20) ? 2 : u < (older ? 0.60 : 0.30) ? 1 : u < (older ? 0.70 : 0.40) ? 0 : -1;
                if (age <= 60 && stage < 2 && "none".equals(enrolment) && rng.nextDouble() < 0.15) {
                    enrolment = "literacy_class";
                    stage = Math.max(stage, 0);
                }
            } else if (u < 0.10) {
                stage = 2;
            }
        }
        sb.append(enrolment).append(',');
        if (grade > 0 && !"continuing_upper_secondary".equals(enrolment)) {
            sb.append(grade);
        }
        sb.append(',');
        // completions
        if (started && last >= 1 && age <= 20 && rng.nextDouble() < p.pcPre) {
            sb.append(start);
        }
        sb.append(',');
        if (done >= 5) {
            sb.append(completion(start, 5, repeatAt));
        }
        sb.append(',');
        if (done >= 9) {
            sb.append(completion(start, 9, repeatAt));
        }
        sb.append(',');
        if (done >= 12) {
            sb.append(completion(start, 12, repeatAt));
        }
        sb.append(',');
        if (started && !inGeneral) {
            sb.append(done);
        }
        sb.append(',');
        if (stage >= 0) {
            sb.append(stage);
        }
        sb.append(',');

        // ---- adults: work, qualification, skills --------------------------------------------
        if (age >= 15) {
            boolean enrolled = !"none".equals(enrolment);
            boolean employed;
            if (disability == 2) {
                employed = false;
            } else if (enrolled) {
                employed = rng.nextDouble() < 0.08;
            } else {
                double pe = age < 23 ? 0.75 : age < 60 ? (male ? 0.90 : 0.82) : age < 65 ? 0.50 : age < 75 ? 0.25 : 0.06;
                employed = rng.nextDouble() < pe;
            }
            String q = qualification(age, last, enrolled || inGeneral, noEducation, university, college,
                    vocAfter9 && last == 9);
            boolean higherQ = q.equals("university") || q.equals("postgraduate") || q.equals("college");
            String digital = digital(age, higherQ, last < 5);
            boolean info = rng.nextDouble() < Math.min(0.9, infoShare(age) * (higherQ ? 1.3 : 1.0));
            boolean life = rng.nextDouble() < (age < 25 ? 0.70 : age < 40 ? 0.60 : age < 55 ? 0.50 : 0.35);
            sb.append(employed ? "true" : "false").append(',');
            sb.append(q).append(',');
            sb.append(digital).append(',');
            sb.append(info ? "true" : "false").append(',');
            sb.append(life ? "true" : "false").append(',');
            if (age >= 18 && rng.nextDouble() < 0.12) {
                sb.append(y - rng.nextInt(4));
            }
        } else {
            sb.append(",,,,,");
        }
        sb.append('\n');
    }

    private static int completion(int start, int grade, int repeatAt) {
        return start + grade + (grade >= repeatAt ? 1 : 0);
    }

    private static double universityShare(int birthYear) {
        return birthYear >= 1980 ? 0.45 : birthYear >= 1965 ? 0.33 : 0.20;
    }

    private String qualification(int age, int last, boolean studying, boolean noEducation,
                                 boolean university, boolean college, boolean vocational9) {
        if (noEducation || age < 18 || studying) {
            return "none";
        }
        double u = rng.nextDouble();
        if (last == 12 && university) {
            return age >= 24 && u < 0.12 ? "postgraduate" : "university";
        }
        if (last == 12 && college) {
            return u < 0.7 ? "college" : "intermediate";
        }
        if (vocational9) {
            return u < 0.55 ? "intermediate" : "elementary";
        }
        if (last == 12) {
            return u < 0.15 ? "intermediate" : u < 0.25 ? "elementary" : u < 0.60 ? "short_course" : "none";
        }
        if (last >= 9) {
            return u < 0.05 ? "intermediate" : u < 0.17 ? "elementary" : u < 0.47 ? "short_course" : "none";
        }
        return u < 0.05 ? "elementary" : u < 0.25 ? "short_course" : "none";
    }

    private String digital(int age, boolean higherQ, boolean lowSchooling) {
        double none;
        double basic;
        if (age < 25) {
            none = 0.03;
            basic = 0.42;
        } else if (age < 40) {
            none = 0.06;
            basic = 0.50;
        } else if (age < 55) {
            none = 0.18;
            basic = 0.57;
        } else if (age < 65) {
            none = 0.40;
            basic = 0.48;
        } else {
            none = 0.70;
            basic = 0.27;
        }
        double u = rng.nextDouble();
        if (higherQ) {
            u = Math.max(u, rng.nextDouble());
        } else if (lowSchooling) {
            u = Math.min(u, rng.nextDouble());
        }
        return u < none ? "none" : u < none + basic ? "basic" : "proficient";
    }

    private static double infoShare(int age) {
        return age < 25 ? 0.55 : age < 40 ? 0.50 : age < 55 ? 0.35 : age < 65 ? 0.22 : 0.10;
    }

    static boolean isLeap(int y) {
        return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    }

    static void appendDate(StringBuilder sb, int y, int dayOfYear) {
        boolean leap = isLeap(y);
        int month = 1;
        while (month < 12) {
            int end = CUM_DAYS[month] + (leap && month >= 2 ? 1 : 0);
            if (dayOfYear <= end) {
                break;
            }
            month++;
        }
        int day = dayOfYear - CUM_DAYS[month - 1] - (leap && month > 2 ? 1 : 0);
        sb.append(y).append('-');
        if (month < 10) {
            sb.append('0');
        }
        sb.append(month).append('-');
        if (day < 10) {
            sb.append('0');
        }
        sb.append(day);
    }
}
