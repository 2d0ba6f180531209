package vn.hoctap.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.AccessGuard;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.accounts.Grant;
import vn.hoctap.accounts.CurrentUser;
import vn.hoctap.platform.HanoiTime;
import vn.hoctap.reporting.core.DataSet;

/**
 * Tình hình nộp báo cáo (completeness): for a data set and period, every organisation of its kind in the
 * user's units with the state of its report (none yet, draft, submitted, accepted, approved), by commune,
 * against the deadline; and the officer's reminders: what is still waiting, overdue first.
 */
@Service
public class Completeness {

    /** One organisation's line: its report's state (null: nothing entered yet) and whose move it is. */
    public record Line(Organisation organisation, DataSet dataSet, int period, ReportState state, LocalDate deadline,
                       Long reportId) {
        public boolean overdue() {
            return (state == null || state == ReportState.DRAFT || state == ReportState.SUBMITTED || state == ReportState.ACCEPTED)
                    && HanoiTime.today().isAfter(deadline);
        }

        public boolean reported() {
            return state != null && state != ReportState.DRAFT;
        }

        public boolean approved() {
            return state == ReportState.APPROVED;
        }

        /** Who acts next: organisation (enter/submit), commune (accept) or city (approve); null when approved. */
        public String waitingFor() {
            if (state == null || state == ReportState.DRAFT) {
                return "organisation";
            }
            return switch (state) {
                case SUBMITTED -> "commune";
                case ACCEPTED -> "city";
                default -> null;
            };
        }
    }

    /** Counts of a commune. */
    public record CommuneSummary(String communeCode, int organisations, int reported, int approved, int overdue) {
        /** Chưa báo cáo: organisations of the register without a report sent (none, or a draft). */
        public int notReported() {
            return organisations - reported;
        }
    }

    private final Organisations organisations;
    private final Reports reports;
    private final AccessGuard guard;

    public Completeness(Organisations organisations, Reports reports, AccessGuard guard) {
        this.organisations = organisations;
        this.reports = reports;
        this.guard = guard;
    }

    public List<Line> lines(String dataSetCode, int period, String communeCode) {
        DataSet d = reports.dataSet(dataSetCode);
        reports.checkPeriod(period);
        Map<Long, Reports.Report> byOrg = new HashMap<>();
        for (Reports.Report r : reports.reports(d.code(), period)) {
            byOrg.put(r.organisationId(), r);
        }
        List<Line> out = new ArrayList<>();
        for (Organisation o : organisations.visible(communeCode)) {
            if (o.kind() != d.kind()) {
                continue;
            }
            Reports.Report r = byOrg.get(o.id());
            out.add(new Line(o, d, period, r == null ? null : r.state(), d.deadline(period), r == null ? null : r.id()));
        }
        return out;
    }

    public List<CommuneSummary> byCommune(List<Line> lines) {
        Map<String, int[]> m = new java.util.TreeMap<>();
        for (Line l : lines) {
            int[] c = m.computeIfAbsent(l.organisation().communeCode(), k -> new int[4]);
            c[0]++;
            c[1] += l.reported() ? 1 : 0;
            c[2] += l.approved() ? 1 : 0;
            c[3] += l.overdue() ? 1 : 0;
        }
        List<CommuneSummary> out = new ArrayList<>();
        m.forEach((code, c) -> out.add(new CommuneSummary(code, c[0], c[1], c[2], c[3])));
        return out;
    }

    /**
     * The reminders of the signed-in officer for the given periods: every report not yet approved in their
     * units; first those overdue, then by deadline. A commune officer sees also what waits for the city, so they
     * know it is not theirs; the city sees everything.
     */
    public List<Line> reminders(List<Integer> periods) {
        CurrentUser u = guard.requireUser();
        List<Line> out = new ArrayList<>();
        for (DataSet d : reports.catalogue().all()) {
            for (int p : periods) {
                for (Line l : lines(d.code(), p, null)) {
                    if (!l.approved()) {
                        out.add(l);
                    }
                }
            }
        }
        // "own data only" (organisation users, centre officers): only what waits for their organisation
        if (guard.grant(DataKind.ORGANISATION_REPORTS, AccessAction.READ) == Grant.OWN) {
            out.removeIf(l -> !"organisation".equals(l.waitingFor()));
        }
        out.sort(Comparator.comparing((Line l) -> !l.overdue()).thenComparing(Line::deadline)
                .thenComparing(l -> l.organisation().communeCode()).thenComparing(l -> l.organisation().name()));
        return out;
    }
}
