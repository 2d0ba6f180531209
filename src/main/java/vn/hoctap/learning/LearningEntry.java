package vn.hoctap.learning;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Một dòng của hồ sơ học tập suốt đời: a course, class, certificate or qualification of a person (pseudonymous
 * register id), entered by a centre or organisation ({@code verified}) or declared by the citizen
 * ({@code self_declared}, with an evidence file).
 */
public record LearningEntry(long id, String personId, String communeCode, String title, String kind, String topic, String provider,
                            Long providerOrgId, LocalDate startDate, LocalDate endDate, BigDecimal hours, String status,
                            String evidenceName, Long courseId) {

    public boolean verified() {
        return "verified".equals(status);
    }
}
