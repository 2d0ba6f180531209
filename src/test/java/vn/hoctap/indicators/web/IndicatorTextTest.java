package vn.hoctap.indicators.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import vn.hoctap.platform.VietnameseText;

/** Numbers with the Vietnamese decimal comma, and Vietnamese alphabetical order (issue 19). */
class IndicatorTextTest {

    static final Locale VI = Locale.forLanguageTag("vi");

    @Test
    void decimalPointsBecomeCommasInVietnameseOnly() {
        assertThat(IndicatorText.number("≥ 99.5", VI)).isEqualTo("≥ 99,5");
        assertThat(IndicatorText.number("75.25–80", VI)).isEqualTo("75,25–80");
        assertThat(IndicatorText.number("99.64", VI)).isEqualTo("99,64");
        assertThat(IndicatorText.number("Đạt chuẩn.", VI)).isEqualTo("Đạt chuẩn.");   // a full stop is not a decimal point
        assertThat(IndicatorText.number("≥ 99.5", Locale.ENGLISH)).isEqualTo("≥ 99.5");
    }

    @Test
    void communesInVietnameseAlphabeticalOrder() {
        // a ă â b c d đ … o ô ơ: Cầu (C-â) before Chương (C-h), Dương before Đống, Ô after O
        List<String> names = new java.util.ArrayList<>(List.of("Phường Ô Chợ Dừa", "Xã Chương Mỹ", "Phường Đống Đa",
                "Phường Cầu Giấy", "Phường Dương Nội", "Phường Long Biên", "Phường Ba Đình"));
        names.sort(VietnameseText.ORDER);
        assertThat(names).containsExactly("Phường Ba Đình", "Phường Cầu Giấy", "Phường Dương Nội", "Phường Đống Đa",
                "Phường Long Biên", "Phường Ô Chợ Dừa", "Xã Chương Mỹ");
    }
}
