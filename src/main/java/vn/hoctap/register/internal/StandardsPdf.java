package vn.hoctap.register.internal;

import static vn.hoctap.platform.PdfTables.cell;
import static vn.hoctap.platform.PdfTables.headerRow;
import static vn.hoctap.platform.PdfTables.num;
import static vn.hoctap.platform.PdfTables.pad;
import static vn.hoctap.platform.PdfTables.table;
import static vn.hoctap.register.internal.StandardsExports.DATE;
import static vn.hoctap.register.internal.StandardsExports.aggregationRule;
import static vn.hoctap.register.internal.StandardsExports.counted;
import static vn.hoctap.register.internal.StandardsExports.describe;
import static vn.hoctap.register.internal.StandardsExports.levelName;
import static vn.hoctap.register.internal.StandardsExports.levelText;
import static vn.hoctap.register.internal.StandardsExports.meetingLabel;
import static vn.hoctap.register.internal.StandardsExports.nfc;
import static vn.hoctap.register.internal.StandardsExports.percentText;
import static vn.hoctap.register.internal.StandardsExports.thresholdText;
import static vn.hoctap.register.internal.StandardsExports.thresholdRules;
import static vn.hoctap.register.internal.StandardsExports.title;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

import vn.hoctap.platform.ReportPdf;
import vn.hoctap.platform.ReportText;
import vn.hoctap.register.internal.StandardsExports.ExportData;
import vn.hoctap.standards.core.Criterion;
import vn.hoctap.standards.core.Explanation;
import vn.hoctap.standards.core.Levels;
import vn.hoctap.standards.core.Rate;
import vn.hoctap.standards.core.RuleSet;
import vn.hoctap.standards.core.Standard;
import vn.hoctap.standards.core.StandardLevel;
import vn.hoctap.standards.core.UnitLevel;
import vn.hoctap.standards.core.UnitResult;
import vn.hoctap.standards.core.VerificationStatus;

/**
 * Báo cáo kết quả phổ cập giáo dục, xóa mù chữ: the A4 PDF report of a unit's standards for a data year (levels
 * reached, the units below, per standard the criteria with their thresholds, legal sources and verification status,
 * or the share of units meeting each level, and why higher levels are not reached), in Vietnamese or English, in the
 * platform's one report layout ({@link ReportPdf}) with its words from the message bundles ({@link ReportText}).
 */
public final class StandardsPdf {

    private StandardsPdf() {
    }

    /**
     * Writes the A4 report (fonts embedded, Identity-H) in the platform's layout ({@link ReportPdf}: footer with the
     * rule set and "Trang n / N"). Vietnamese unless {@code locale}'s language is English. Does not close {@code out}.
     */
    public static void write(ExportData data, Locale locale, OutputStream out) throws IOException {
        ReportText tx = ReportText.of(locale);
        String footer = tx.get("report.standards.footer", data.rules().id(), data.rules().version(),
                DATE.format(data.generated()));
        try (ReportPdf pdf = ReportPdf.open(out, PageSize.A4, new float[] {36, 36, 40, 50}, tx, title(data, tx), footer, 14)) {
            body(pdf.document(), data, pdf.fonts(), tx);
        } catch (DocumentException e) {
            throw new IOException("PDF: " + e.getMessage(), e);
        }
    }

    private static void body(Document doc, ExportData d, ReportPdf.Fonts f, ReportText tx) throws DocumentException {
        UnitResult u = d.unit();
        Paragraph t = new Paragraph(19, title(d, tx), f.title());
        t.setSpacingAfter(3);
        doc.add(t);
        String parent = "";
        if (u.unit().parentCode() != null) {
            UnitResult p = d.result().find(u.unit().parentCode());
            parent = " · " + tx.get("report.standards.part-of", p == null ? u.unit().parentCode() : nfc(p.unit().name()));
        }
        String sub = tx.get("report.standards.unit-code", u.code()) + " · " + levelName(u.level(), tx) + parent;
        if (d.isCommune()) {
            sub += " · " + (u.unit().disadvantaged()
                    ? (tx.get("report.standards.dbkk-commune"))
                    : (tx.get("report.standards.not-dbkk")));
        } else {
            sub += " · " + tx.get(u.childLevel() == UnitLevel.DISTRICT ? "report.standards.districts-counted"
                    : "report.standards.communes-counted", u.childCount());
        }
        doc.add(new Paragraph(12, sub, f.normal()));
        doc.add(new Paragraph(12, tx.get("report.standards.rule-set", d.rules().id(), d.rules().version(),
                nfc(d.rules().title()), DATE.format(d.generated())), f.normal()));

        PdfPTable lv = table(new float[] {1.2f, 5f, 2f}, tx.get("report.standards.levels-reached"), f.heading(), true);
        headerRow(lv, f.smallBold(), tx.get("report.standards.standard"), tx.get("report.standards.name"), tx.get("report.standards.result"));
        for (Standard s : Standard.values()) {
            lv.addCell(cell(s.id(), f.normal()));
            lv.addCell(cell(tx.english() ? s.nameEn() : s.nameVi(), f.normal()));
            lv.addCell(cell(levelText(s, u.levels().level(s), tx), f.bold()));
        }
        doc.add(lv);

        if (!d.isCommune() && !d.children().isEmpty()) {
            PdfPTable ct = table(new float[] {1.2f, 4f, 1.1f, 1f, 1f, 1f, 1f, 1.2f},
                    tx.get("report.standards.units-below"), f.heading(), false);
            headerRow(ct, f.smallBold(), tx.get("report.standards.code"), tx.get("report.standards.unit"), "ĐBKK", "MN5", "TH", "THCS", "XMC",
                    tx.get("report.standards.counted"));
            for (UnitResult ch : d.children()) {
                Levels l = ch.levels();
                ct.addCell(cell(ch.code(), f.normal()));
                ct.addCell(cell(ch.unit().name(), f.normal()));
                ct.addCell(cell(ch.level() == UnitLevel.COMMUNE ? tx.yesNo(ch.unit().disadvantaged()) : "—", f.normal()));
                ct.addCell(num(l.mn5() ? "1" : "0", f.normal()));
                ct.addCell(num(Integer.toString(l.th()), f.normal()));
                ct.addCell(num(Integer.toString(l.thcs()), f.normal()));
                ct.addCell(num(Integer.toString(l.xmc()), f.normal()));
                ct.addCell(cell(tx.yesNo(counted(d.rules(), u, ch)), f.normal()));
            }
            doc.add(ct);
        }

        for (Standard s : Standard.values()) {
            String heading = (tx.english() ? s.nameEn() : s.nameVi()) + " — " + levelText(s, u.levels().level(s), tx);
            if (d.isCommune()) {
                communeCriteriaPdf(doc, d, s, heading, f, tx);
            } else {
                meetingPdf(doc, d, s, heading, f, tx);
            }
            List<Explanation> ex = u.explanations(s);
            if (!ex.isEmpty()) {
                Paragraph p = new Paragraph(12, tx.get("report.standards.why-not-reached"), f.bold());
                p.setSpacingBefore(5);
                doc.add(p);
                for (Explanation e : ex) {
                    for (Explanation.Failure fl : e.failures()) {
                        String lvl = s == Standard.MN5 ? "MN5" : tx.get("report.standards.level-n", e.level());
                        Paragraph item = new Paragraph(11, "", f.small());
                        item.setIndentationLeft(18);
                        item.setFirstLineIndent(-8);
                        item.add(new Chunk("• " + lvl + ": ", f.smallBold()));
                        item.add(new Chunk(nfc(tx.english() ? fl.messageEn() : fl.messageVi()), f.small()));
                        doc.add(item);
                    }
                }
            }
        }

        Paragraph legend = new Paragraph(11, "", f.small());
        legend.setSpacingBefore(10);
        legend.add(new Chunk(tx.get("report.standards.verification-status") + " ", f.smallBold()));
        StringBuilder sb = new StringBuilder();
        for (VerificationStatus v : VerificationStatus.values()) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(v.name()).append(" = ").append(tx.english() ? v.descriptionEn() : v.descriptionVi());
        }
        legend.add(new Chunk(sb.toString() + ".", f.small()));
        doc.add(legend);
    }

    private static void communeCriteriaPdf(Document doc, ExportData d, Standard s, String heading, ReportPdf.Fonts f, ReportText tx)
            throws DocumentException {
        UnitResult u = d.unit();
        boolean dbkk = u.unit().disadvantaged();
        PdfPTable t = table(new float[] {4.2f, 1.1f, 1.1f, 1.3f, 0.8f, 1.7f, 3.6f, 0.9f}, heading, f.heading(), true);
        headerRow(t, f.smallBold(), tx.get("report.standards.criterion"), tx.get("report.standards.numerator"), tx.get("report.standards.denominator"),
                tx.get("report.standards.rate"), tx.get("report.standards.level"), tx.get("report.standards.threshold-bkk"),
                tx.get("report.standards.legal-source"), tx.get("report.standards.status"));
        for (Criterion c : Criterion.values()) {
            if (c.standard() != s) {
                continue;
            }
            Rate rate = u.criteria().getOrDefault(c, Rate.EMPTY);
            List<RuleSet.ThresholdRule> rules = thresholdRules(d.rules(), c);
            int span = Math.max(1, rules.size());
            Phrase crit = new Phrase("", f.small());
            crit.add(new Chunk(c.id() + "\n", f.smallBold()));
            crit.add(new Chunk(nfc(describe(c, d.rules(), tx)), f.small()));
            PdfPCell cc = new PdfPCell(crit);
            pad(cc);
            cc.setRowspan(span);
            t.addCell(cc);
            t.addCell(span(num(Long.toString(rate.numerator()), f.normal()), span));
            t.addCell(span(num(Long.toString(rate.denominator()), f.normal()), span));
            t.addCell(span(num(percentText(rate.numerator(), rate.denominator(), tx), f.bold()), span));
            if (rules.isEmpty()) {
                for (int i = 0; i < 4; i++) {
                    t.addCell(cell("—", f.normal()));
                }
                continue;
            }
            for (RuleSet.ThresholdRule tr : rules) {
                vn.hoctap.standards.core.Percent applied = tr.threshold(dbkk);
                t.addCell(num(Integer.toString(tr.level()), f.normal()));
                String th = (tr.normal() == null ? "—" : "≥ " + thresholdText(tr.normal(), tx)) + " ("
                        + thresholdText(tr.disadvantaged(), tx) + ")";
                String verdict = applied == null ? (tx.get("report.standards.verdict.not-applicable"))
                        : rate.meets(applied) ? (tx.get("report.standards.verdict.met")) : (tx.get("report.standards.verdict.not-met"));
                Phrase ph = new Phrase("", f.normal());
                ph.add(new Chunk(th + "\n", f.normal()));
                ph.add(new Chunk(verdict, applied != null && !rate.meets(applied) ? f.smallBold() : f.small()));
                PdfPCell tc = new PdfPCell(ph);
                pad(tc);
                t.addCell(tc);
                t.addCell(cell(tr.source(), f.small()));
                t.addCell(cell(tr.status().name(), f.bold()));
            }
        }
        doc.add(t);
        for (int k = 1; k <= s.maxLevel(); k++) {
            for (RuleSet.PrerequisiteRule pr : d.rules().prerequisites(s, k)) {
                int have = u.levels().level(pr.required());
                String line = tx.get("report.standards.prerequisite", k, pr.required().id(), pr.requiredLevel(), have)
                        + " — " + pr.source() + " [" + pr.status().name() + "]";
                Paragraph p = new Paragraph(11, nfc(line), f.small());
                p.setSpacingBefore(3);
                doc.add(p);
            }
        }
    }

    private static void meetingPdf(Document doc, ExportData d, Standard s, String heading, ReportPdf.Fonts f, ReportText tx)
            throws DocumentException {
        UnitResult u = d.unit();
        PdfPTable t = table(new float[] {1f, 2.4f, 1.2f, 1.2f, 1.3f, 1.2f, 3.4f, 0.9f}, heading, f.heading(), true);
        headerRow(t, f.smallBold(), tx.get("report.standards.level"), meetingLabel(u, tx), tx.get("report.standards.counted-total"), tx.get("report.standards.share"),
                tx.get("report.standards.required"), tx.get("report.standards.result"), tx.get("report.standards.legal-source"),
                tx.get("report.standards.status"));
        for (int k = 1; k <= s.maxLevel(); k++) {
            StandardLevel key = StandardLevel.of(s, k);
            RuleSet.AggregationRule ar = aggregationRule(d.rules(), u, key);
            long m = u.meeting().getOrDefault(key, 0L);
            boolean ok = ar.percent().isMetBy(m, u.childCount());
            t.addCell(cell(key.key(), f.normal()));
            t.addCell(num(Long.toString(m), f.normal()));
            t.addCell(num(Long.toString(u.childCount()), f.normal()));
            t.addCell(num(percentText(m, u.childCount(), tx), f.bold()));
            t.addCell(num("≥ " + thresholdText(ar.percent(), tx) + "%", f.normal()));
            t.addCell(cell(ok ? (tx.get("report.standards.verdict.met")) : (tx.get("report.standards.verdict.not-met")), ok ? f.normal() : f.bold()));
            t.addCell(cell(ar.source(), f.small()));
            t.addCell(cell(ar.status().name(), f.bold()));
        }
        doc.add(t);
    }

    private static PdfPCell span(PdfPCell c, int rows) {
        c.setRowspan(rows);
        return c;
    }
}
