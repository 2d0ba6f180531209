package vn.hoctap.analytics.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The benchmark reads the login page with an HTML parser and the API's answers with Jackson (issue 17 item 5). */
class PlatformBenchParsingTest {

    @Test
    void csrfTokenIsTheValueOfTheFormsHiddenInputWhateverTheAttributeOrder() {
        String page = """
                <!DOCTYPE html><html><head><meta name="_csrf_header" content="X-CSRF-TOKEN"></head><body>
                <form method="post" action="/login"><input type="text" name="username">
                <input value="abc-123_Z" type="hidden" name="_csrf"/><button>Đăng nhập</button></form></body></html>""";
        assertThat(PlatformBench.csrfToken(page)).isEqualTo("abc-123_Z");
        assertThat(PlatformBench.csrfToken("<meta content='t0k' name='_csrf'>")).isEqualTo("t0k");
        assertThat(PlatformBench.csrfToken("<p>value=\"x\" name=\"_csrf\"</p>")).isNull();
    }

    @Test
    void numeratorIsTakenFromTheCommunesItemOnly() {
        String json = """
                [{"unit_code":"01","indicator":"lab.trained","numerator":12345,"denominator":20000},
                 {"unit_code":"00004","indicator":"lab.trained","numerator":7,"denominator":9,"note":{"unit_code":"x"}}]""";
        assertThat(PlatformBench.numerator(json, "00004")).isEqualTo(7.0);
        assertThat(PlatformBench.numerator(json, "01")).isEqualTo(12345.0);
        assertThatThrownBy(() -> PlatformBench.numerator(json, "00007")).hasMessageContaining("00007");
    }
}
