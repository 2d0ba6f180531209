package vn.hoctap.gnlc.internal;

import vn.hoctap.platform.ReportText;
import vn.hoctap.platform.ReportPdf;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.springframework.stereotype.Component;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;

import vn.hoctap.gnlc.core.Questionnaire;
import vn.hoctap.platform.HanoiTime;

/**
 * The report in English for pasting into UIL's online survey: DOCX (Apache POI XWPF) and PDF (OpenPDF with the
 * platform's embedded font). Each question with its answer and its state; a sample questionnaire says so at the top;
 * an answer not yet approved is marked as a draft.
 */
@Component
public class ReportDocuments {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH);

    record Line(String text, boolean bold, int size) {
    }

    /** The report's lines, shared by both formats. */
    java.util.List<Line> lines(GnlcReports.Report r, GnlcFramework.Membership m) {
        Questionnaire q = r.questionnaire();
        java.util.List<Line> out = new java.util.ArrayList<>();
        out.add(new Line("Hà Nội — " + q.titleEn(), true, 16));
        if (q.sample()) {
            out.add(new Line("SAMPLE: these questions were built by HọcTập from UIL's published description, not UIL's own"
                    + " questionnaire. Source: " + q.source(), true, 10));
        }
        out.add(new Line("Questionnaire " + q.code() + ", version " + q.version() + ". GNLC member since "
                + m.memberSince().format(DATE) + ". Generated on " + HanoiTime.today().format(DATE) + ".", false, 10));
        for (Questionnaire.Question qu : q.questions()) {
            out.add(new Line(qu.number() + ". " + qu.textEn() + (qu.wordLimit() == null ? "" : " (at most " + qu.wordLimit() + " words)"),
                    true, 12));
            GnlcReports.Answer a = r.answers().get(qu.number());
            if (a == null || a.textEn().isBlank()) {
                out.add(new Line("[No answer yet]", false, 11));
                continue;
            }
            out.add(new Line(a.status() == GnlcReports.Status.APPROVED
                    ? "Approved by the city on " + a.approvedAt().atZoneSameInstant(HanoiTime.ZONE).toLocalDate().format(DATE)
                    + " (" + a.wordsEn() + " words)"
                    : "DRAFT, not yet approved by the city (" + a.wordsEn() + " words)", false, 9));
            for (String para : a.textEn().split("\n")) {
                out.add(new Line(para, false, 11));
            }
        }
        return out;
    }

    public byte[] docx(GnlcReports.Report r, GnlcFramework.Membership m) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getProperties().getCoreProperties().setTitle("Hà Nội — " + r.questionnaire().titleEn());
            doc.getProperties().getCoreProperties().setCreator("HọcTập");
            boolean first = true;
            for (Line l : lines(r, m)) {
                XWPFParagraph p = doc.createParagraph();
                if (first) p.setAlignment(ParagraphAlignment.LEFT);
                p.setSpacingAfter(l.bold() ? 80 : 120);
                XWPFRun run = p.createRun();
                run.setText(l.text());
                run.setBold(l.bold());
                run.setFontSize(l.size());
                run.setFontFamily("Arial");
                first = false;
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] pdf(GnlcReports.Report r, GnlcFramework.Membership m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String title = "Hà Nội — " + r.questionnaire().titleEn();
        try (ReportPdf pdf = ReportPdf.open(out, PageSize.A4, new float[] {56, 56, 56, 56}, ReportText.of(true), title, title, 15)) {
            Document doc = pdf.document();
            BaseFont regular = pdf.fonts().regularBase();
            BaseFont bold = pdf.fonts().boldBase();
            for (Line l : lines(r, m)) {
                Paragraph p = new Paragraph(l.size() * 1.4f, java.text.Normalizer.normalize(l.text(), java.text.Normalizer.Form.NFC),
                        new Font(l.bold() ? bold : regular, l.size()));
                p.setSpacingAfter(l.bold() ? 3 : 6);
                if (l.bold()) p.setSpacingBefore(8);
                doc.add(p);
            }
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
