package vn.hoctap.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import vn.hoctap.platform.HanoiTime;
import vn.hoctap.standards.core.Unit;
import vn.hoctap.standards.core.Units;
import vn.hoctap.units.core.UnitHistory;
import vn.hoctap.units.core.UnitLevel;
import vn.hoctap.units.core.UnitVersion;

/**
 * The units a data year's register and standards are computed on: those in force on the year's
 * reference date, 31 December of the year (today for the current year). So 2024 has 30 districts and
 * 579 communes, 2025 and later the 126 communes directly under the city.
 */
public final class RegisterUnits {

    private RegisterUnits() {
    }

    public static LocalDate referenceDate(int year) {
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate today = HanoiTime.today();
        return end.isAfter(today) ? today : end;
    }

    /**
     * The units of a data year. A year before the unit history (which starts on 1/1/2024) uses the
     * earliest structure known, the 2024 one.
     */
    public static Units forYear(UnitHistory history, int year, Set<String> disadvantaged) {
        List<Unit> units = new ArrayList<>();
        LocalDate date = referenceDate(year);
        if (!history.covers(date)) {
            date = history.earliestDate();
        }
        for (UnitVersion v : history.unitsOn(date)) {
            units.add(switch (v.level()) {
                case CITY -> Unit.city(v.code(), v.name());
                case DISTRICT -> Unit.district(v.code(), v.name(), v.parentCode());
                case COMMUNE -> Unit.commune(v.code(), v.name(), v.parentCode(), disadvantaged.contains(v.code()));
            });
        }
        return Units.of(units);
    }

    static boolean isCommune(UnitVersion v) {
        return v.level() == UnitLevel.COMMUNE;
    }
}
