package vn.hoctap.gnlc.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.hoctap.indicators.IndicatorFactSource;

/**
 * Tư cách thành viên GNLC bên cạnh chỉ tiêu {@code model.learning_city} (issue 15): Hà Nội's membership of UNESCO's
 * Global Network of Learning Cities, with its date and source, shown beside the indicator — it is a fact, not the
 * national "Thành phố học tập" title the indicator reports (none exists yet: "chưa áp dụng").
 */
@Component
class GnlcMembershipFact implements IndicatorFactSource {

    private final GnlcFramework framework;

    GnlcMembershipFact(GnlcFramework framework) {
        this.framework = framework;
    }

    @Override
    public List<Fact> facts(String indicatorId) {
        if (!"model.learning_city".equals(indicatorId)) return List.of();
        GnlcFramework.Membership m;
        try {
            m = framework.membership();
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            return List.of();
        }
        if (m == null || m.memberSince() == null) return List.of();
        return List.of(new Fact("Thành viên Mạng lưới các thành phố học tập toàn cầu của UNESCO (GNLC) — không phải danh hiệu "
                + "“Thành phố học tập” cấp quốc gia", "Member of UNESCO's Global Network of Learning Cities (GNLC) — not the national "
                + "“Learning City” title", m.memberSince(), m.source(), m.verification().code()));
    }
}
