package vn.hoctap.indicators;

import java.time.LocalDate;
import java.util.List;

/**
 * Sự kiện liên quan đến một chỉ tiêu: a recorded fact shown beside an indicator but not counted as its value (issue
 * 15: Hà Nội's membership of UNESCO's Global Network of Learning Cities, beside {@code model.learning_city}, whose value
 * is the national "Thành phố học tập" title only). Implemented by the module that records the fact; none → nothing shown.
 */
public interface IndicatorFactSource {

    /** One fact: what (Vietnamese and English), since when, its source and verification letter (V/S/M). */
    record Fact(String textVi, String textEn, LocalDate date, String source, String verification) {
    }

    /** The facts of an indicator (empty for most). */
    List<Fact> facts(String indicatorId);
}
