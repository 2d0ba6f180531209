package vn.hoctap.fund.core;

import java.time.LocalDate;
import java.time.YearMonth;

/** Kỳ kế toán: a month, as yyyymm (202601); closing a period locks it for good. */
public record Period(int yyyymm) implements Comparable<Period> {

    public Period {
        int m = yyyymm % 100;
        if (m < 1 || m > 12 || yyyymm < 190001 || yyyymm > 299912) {
            throw new IllegalArgumentException("not a period yyyymm: " + yyyymm);
        }
    }

    public static Period of(LocalDate date) {
        return new Period(date.getYear() * 100 + date.getMonthValue());
    }

    public static Period of(int year, int month) {
        return new Period(year * 100 + month);
    }

    public int year() {
        return yyyymm / 100;
    }

    public int month() {
        return yyyymm % 100;
    }

    public Period next() {
        YearMonth n = YearMonth.of(year(), month()).plusMonths(1);
        return of(n.getYear(), n.getMonthValue());
    }

    @Override
    public int compareTo(Period o) {
        return Integer.compare(yyyymm, o.yyyymm);
    }

    @Override
    public String toString() {
        return String.format("%02d/%d", month(), year());
    }
}
