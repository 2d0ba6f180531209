package vn.hoctap.gnlc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.hoctap.gnlc.core.Questionnaire;

/**
 * The sample questionnaires shipped with the platform (gnlc/questionnaires/*.txt), loaded on every start when absent:
 * they are data of the product, marked as samples, not demo data.
 */
@Component
@Order(40)
class QuestionnaireSeeder implements ApplicationRunner {

    static final List<String> SHIPPED = List.of("sample-biennial-2021.txt", "sample-award-2024.txt");

    private final GnlcReports reports;

    QuestionnaireSeeder(GnlcReports reports) {
        this.reports = reports;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (String file : SHIPPED) {
            try (InputStream in = getClass().getResourceAsStream("/gnlc/questionnaires/" + file)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Questionnaire q = reports.parse(text, file);
                reports.insert(q, text, "system");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
