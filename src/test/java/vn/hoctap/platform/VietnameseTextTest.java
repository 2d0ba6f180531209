package vn.hoctap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VietnameseTextTest {

    @Test
    void foldsToneMarksVowelMarksAndDStroke() {
        assertThat(VietnameseText.fold("Hoàn Kiếm")).isEqualTo("hoan kiem");
        assertThat(VietnameseText.fold("ĐỐNG  ĐA ")).isEqualTo("dong da");
        assertThat(VietnameseText.fold("Ứng Hòa")).isEqualTo("ung hoa");
        assertThat(VietnameseText.fold("Thượng Cát")).isEqualTo("thuong cat");
        assertThat(VietnameseText.fold(null)).isEmpty();
    }

    @Test
    void decomposedInputFoldsLikeComposed() {
        String decomposed = java.text.Normalizer.normalize("Hoàn Kiếm", java.text.Normalizer.Form.NFD);
        assertThat(VietnameseText.fold(decomposed)).isEqualTo("hoan kiem");
        assertThat(VietnameseText.nfc(decomposed)).isEqualTo("Hoàn Kiếm");
    }

    @Test
    void asciiIdsFoldToLowerCaseWithWhiteSpaceCollapsed() {
        assertThat(VietnameseText.fold("P00004-1")).isEqualTo("p00004-1");
        assertThat(VietnameseText.fold(" H01\tX  y ")).isEqualTo("h01 x y");
        assertThat(VietnameseText.fold("a  b")).isEqualTo("a b");
        assertThat(VietnameseText.fold(" a")).isEqualTo("a");
        assertThat(VietnameseText.fold("a ")).isEqualTo("a");
        assertThat(VietnameseText.fold("a\nb")).isEqualTo("a b");
        assertThat(VietnameseText.fold("")).isEmpty();
        String folded = "p00004-1 h2";
        assertThat(VietnameseText.fold(folded)).isSameAs(folded);
    }

    @Test
    void appendFoldAddsTheFoldAfterWhatIsThere() {
        assertThat(VietnameseText.appendFold(new StringBuilder("p1 "), "  Hà  Nội ")).hasToString("p1 ha noi");
        assertThat(VietnameseText.appendFold(new StringBuilder("p1 "), " H01\tX ")).hasToString("p1 h01 x");
        assertThat(VietnameseText.appendFold(new StringBuilder("p1"), "   ")).hasToString("p1");
        assertThat(VietnameseText.appendFold(new StringBuilder("p1"), null)).hasToString("p1");
    }
}
