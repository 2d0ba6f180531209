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
}
