package vn.hoctap.centres;

import java.util.ArrayList;
import java.util.List;

/**
 * Tự đánh giá, xếp loại TTHTCĐ hằng năm — <strong>the platform's own proposal</strong>: no official rating of
 * community learning centres in force was found (regulations-2026-12.md §1; QĐ 09/2008's Quy chế, amended by
 * TT 40/2010, describes tasks, not a rating). Each criterion says what it reads from the platform's data and its
 * verification status [M] (platform's own, unverified). Four criteria, one point each: 4 → Tốt, 3 → Khá,
 * 2 → Đạt, else Chưa đạt. Pure Java.
 */
public final class CentreRating {

    /** One criterion: key, met, and the legal anchor with its status. */
    public record Criterion(String key, boolean met, String anchor) {
    }

    public record Result(List<Criterion> criteria, int points, String grade) {
    }

    private CentreRating() {
    }

    public static Result rate(boolean hasPlan, int closedCourses, int learnersCompleted, boolean itUsed) {
        List<Criterion> c = new ArrayList<>();
        c.add(new Criterion("plan", hasPlan, "QĐ 09/2008 Điều 3 (xây dựng kế hoạch) [M]"));
        c.add(new Criterion("courses", closedCourses >= 2, "≥ 2 lớp hoàn thành trong năm — nền tảng đề xuất [M]"));
        c.add(new Criterion("learners", learnersCompleted >= 20, "≥ 20 lượt học viên hoàn thành — nền tảng đề xuất [M]"));
        c.add(new Criterion("it", itUsed, "NQ 23: TTHTCĐ ứng dụng CNTT (lớp kỹ năng số) [M]"));
        int points = (int) c.stream().filter(Criterion::met).count();
        String grade = points == 4 ? "good" : points == 3 ? "fair" : points == 2 ? "pass" : "fail";
        return new Result(c, points, grade);
    }
}
