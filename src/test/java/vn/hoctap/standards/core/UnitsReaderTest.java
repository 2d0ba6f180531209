package vn.hoctap.standards.core;


import vn.hoctap.standards.core.ImportIssue;
import vn.hoctap.standards.core.Unit;
import vn.hoctap.standards.core.Units;
import vn.hoctap.standards.core.UnitsReader;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UnitsReaderTest {

    static UnitsReader.Result read(String text) {
        return new UnitsReader().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "units.csv");
    }

    @Test
    void readsAValidFileWithBomSemicolonsQuotesAndUnknownColumn() {
        String text = "\uFEFFcode;name;level;parent_code;disadvantaged;note\n"
                + "01;\"Thành phố; Hà Nội\";city;;;x\n"
                + " 001 ; Quận \"\"Ba Đình\"\" ;district;01;;\n"
                + "\"00004\";\"Phường \"\"Ba\"\" Đình\";commune;001;true;\n"
                + "00008;Xã Một;commune;01;false;\n"
                + ";;;;;\n";
        UnitsReader.Result r = read(text);
        assertThat(r.report().errors()).isEmpty();
        assertThat(r.ok()).isTrue();
        Units u = r.units();
        assertThat(u.all()).extracting(Unit::code).containsExactly("01", "001", "00004", "00008");
        assertThat(u.get("01").get().name()).isEqualTo("Thành phố; Hà Nội");
        assertThat(u.get("001").get().name()).isEqualTo("Quận \"\"Ba Đình\"\"");
        assertThat(u.get("00004").get().name()).isEqualTo("Phường \"Ba\" Đình");
        assertThat(u.get("00004").get().disadvantaged()).isTrue();
        assertThat(u.get("00008").get().parentCode()).isEqualTo("01");
        assertThat(u.communeIndex("00008")).isEqualTo(1);
        assertThat(u.communeIndex("001")).isEqualTo(-1);
        // the unknown column, and the city having both a district and a direct commune
        assertThat(r.report().warnings()).extracting(ImportIssue::line, ImportIssue::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "note"), org.assertj.core.groups.Tuple.tuple(2L, null));
        assertThat(r.report().warnings().get(1).reasonEn()).contains("both districts and communes");
    }

    @Test
    void everyKindOfBadRowIsReportedWithLineAndColumn() {
        String text = "code,name,level,parent_code,disadvantaged\n"   // 1
                + "01,Hà Nội,city,,\n"                              // 2
                + "001,Quận A,district,01,\n"                       // 3
                + "001,Quận B,district,01,\n"                       // 4 duplicate code
                + "002,Quận C,town,01,\n"                           // 5 unknown level
                + "00001,Xã A,commune,,\n"                          // 6 missing parent
                + "00002,Xã B,commune,999,\n"                       // 7 unknown parent
                + "00003,Xã C,commune,00011,\n"                     // 8 parent is a commune
                + "003,Quận D,district,001,\n"                      // 9 district under a district
                + "00009,Xã D,commune,001,yes\n"                    // 10 bad boolean
                + "00010,,commune,001,\n"                           // 11 missing name
                + "00011,Xã E,commune,001,true\n";                  // 12 ok
        UnitsReader.Result r = read(text);
        assertThat(r.ok()).isFalse();
        assertThat(r.units()).isNull();
        assertThat(r.report().errors()).extracting(ImportIssue::line, ImportIssue::column, ImportIssue::value).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(4L, "code", "001"),
                org.assertj.core.groups.Tuple.tuple(5L, "level", "town"),
                org.assertj.core.groups.Tuple.tuple(6L, "parent_code", null),
                org.assertj.core.groups.Tuple.tuple(7L, "parent_code", "999"),
                org.assertj.core.groups.Tuple.tuple(8L, "parent_code", "00011"),
                org.assertj.core.groups.Tuple.tuple(9L, "parent_code", "001"),
                org.assertj.core.groups.Tuple.tuple(10L, "disadvantaged", "yes"),
                org.assertj.core.groups.Tuple.tuple(11L, "name", null));
        assertThat(r.report().errorCount()).isEqualTo(8);
        assertThat(r.report().errors()).allSatisfy(e -> {
            assertThat(e.file()).isEqualTo("units.csv");
            assertThat(e.reasonVi()).isNotBlank();
            assertThat(e.reasonEn()).isNotBlank();
        });
        assertThat(r.report().format()).contains("dòng/line 4").contains("Mã đơn vị bị trùng").contains("Duplicate unit code")
                .contains("tổng cộng 8 lỗi").contains("total 8 errors");
    }

    @Test
    void childrenOfABadRowAreNotReportedTwice() {
        UnitsReader.Result r = read("code,name,level,parent_code\n01,TP,city,\n001,Q,borough,01\n00001,X,commune,001\n");
        assertThat(r.report().errors()).extracting(ImportIssue::line).containsExactly(3L);
    }

    @Test
    void missingRequiredColumn() {
        UnitsReader.Result r = read("code,name,parent_code\n01,Hà Nội,\n");
        assertThat(r.ok()).isFalse();
        assertThat(r.report().errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.column()).isEqualTo("level");
            assertThat(e.reasonEn()).contains("Required column");
        });
    }

    @Test
    void malformedQuotingAndWrongCellCount() {
        UnitsReader.Result r = read("code,name,level,parent_code\n01,\"Hà Nội\"x,city,\n001,Quận,district\n");
        assertThat(r.report().errors()).extracting(ImportIssue::line).containsExactly(2L, 3L);
        UnitsReader.Result r2 = read("code,name,level,parent_code\n01,\"Hà Nội,city,\n");
        assertThat(r2.report().errors()).singleElement().satisfies(e -> assertThat(e.reasonEn()).contains("not closed"));
    }

    @Test
    void invalidUtf8IsAnError() {
        byte[] bytes = "code,name,level,parent_code\n01,H\u00e0 N\u1ed9i,city,\n".getBytes(StandardCharsets.ISO_8859_1);
        bytes[bytes.length - 10] = (byte) 0xC3; // lone lead byte
        bytes[bytes.length - 9] = (byte) 0x28;
        UnitsReader.Result r = new UnitsReader().read(new ByteArrayInputStream(bytes), "units.csv");
        assertThat(r.ok()).isFalse();
        assertThat(r.report().errors().get(0).reasonEn()).contains("UTF-8");
    }
}
