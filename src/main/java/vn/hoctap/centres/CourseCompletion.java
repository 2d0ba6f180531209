package vn.hoctap.centres;

/**
 * Hoàn thành khóa học: when a centre closes a course, a learner has completed it when they attended at least two
 * thirds of its sessions (counted in sessions, not hours). The platform's own rule (QĐ 09/2008 as amended by
 * TT 40/2010 sets no attendance threshold for TTHTCĐ classes — regulations-2026-12.md §1: not found); the hours
 * written to the learning record are the hours of the sessions attended. Pure Java.
 */
public final class CourseCompletion {

    private CourseCompletion() {
    }

    /** Completed: attended × 3 ≥ sessions × 2, and at least one session held. */
    public static boolean completed(int attended, int sessions) {
        return sessions > 0 && attended * 3 >= sessions * 2;
    }
}
