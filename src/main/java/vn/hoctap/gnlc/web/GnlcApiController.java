package vn.hoctap.gnlc.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import vn.hoctap.accounts.Access;
import vn.hoctap.accounts.AccessAction;
import vn.hoctap.accounts.DataKind;
import vn.hoctap.gnlc.internal.GnlcEvidence;
import vn.hoctap.gnlc.internal.GnlcFramework;
import vn.hoctap.gnlc.internal.GnlcReports;

/** JSON: the gap view (signed in, GNLC evidence readers) and the approved report (public). */
@RestController
class GnlcApiController {

    private final GnlcFramework framework;
    private final GnlcEvidence evidence;
    private final GnlcReports reports;

    GnlcApiController(GnlcFramework framework, GnlcEvidence evidence, GnlcReports reports) {
        this.framework = framework;
        this.evidence = evidence;
        this.reports = reports;
    }

    @GetMapping("/api/gnlc/gap")
    @Access(kind = DataKind.GNLC_EVIDENCE, action = AccessAction.READ)
    @Operation(summary = "Evidence by area and feature of UNESCO's Key Features of Learning Cities: strength (none, weak, strong) and what is missing")
    Map<String, Object> gap() {
        GnlcFramework.Membership m = framework.membership();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("framework_version", framework.framework().version());
        out.put("member_since", m.memberSince());
        out.put("report_due", m.reportDue());
        out.put("report_due_basis", "membership date + 2 years: the platform's reading until UIL's current rule is found");
        List<Map<String, Object>> areas = new ArrayList<>();
        for (GnlcEvidence.AreaGap a : evidence.gap()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("area", a.area().code());
            row.put("name_en", a.area().nameEn());
            row.put("strength", a.judgement().strength());
            row.put("missing", a.judgement().missing());
            List<Map<String, Object>> targets = new ArrayList<>();
            for (GnlcEvidence.GapRow r : a.rows()) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("code", r.code());
                t.put("is_area", r.area());
                t.put("name_en", r.nameEn());
                t.put("indicators", r.indicators());
                t.put("records", r.records());
                t.put("strength", r.judgement().strength());
                t.put("missing", r.judgement().missing());
                targets.add(t);
            }
            row.put("targets", targets);
            areas.add(row);
        }
        out.put("areas", areas);
        return out;
    }

    @GetMapping("/api/public/gnlc/report")
    @Access(kind = DataKind.PUBLIC, action = AccessAction.READ)
    @Operation(summary = "Hà Nội's GNLC membership and the answers the city approved, in Vietnamese and English")
    Map<String, Object> publicReport() {
        GnlcFramework.Membership m = framework.membership();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("member_since", m.memberSince());
        out.put("source", m.source());
        List<Map<String, Object>> list = new ArrayList<>();
        for (GnlcReports.Report r : reports.publicReports()) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("code", r.questionnaire().code());
            q.put("title_en", r.questionnaire().titleEn());
            q.put("sample", r.questionnaire().sample());
            List<Map<String, Object>> answers = new ArrayList<>();
            r.answers().forEach((n, a) -> answers.add(Map.of("number", n, "question_en", r.questionnaire().question(n).textEn(),
                    "answer_vi", a.textVi(), "answer_en", a.textEn())));
            q.put("answers", answers);
            list.add(q);
        }
        out.put("reports", list);
        return out;
    }
}
