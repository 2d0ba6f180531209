package vn.hoctap.reporting.core;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Bộ biểu mẫu báo cáo (DHIS2 data set): the elements a kind of organisation reports for a yearly period,
 * with the day of the period year by which the report is due, the validation rules, and the indicators
 * the approved values feed.
 */
public record DataSet(String code, OrganisationKind kind, String nameVi, String nameEn, MonthDay deadline,
                      List<DataElement> elements, List<ValidationRule> rules, List<IndicatorMapping> indicators) {

    public String name(boolean english) {
        return english ? nameEn : nameVi;
    }

    /** The deadline of a period (a year). */
    public LocalDate deadline(int period) {
        return deadline.atYear(period);
    }

    public Optional<DataElement> element(String code) {
        return elements.stream().filter(e -> e.code().equals(code)).findFirst();
    }

    public Set<String> codes() {
        Set<String> out = new LinkedHashSet<>();
        elements.forEach(e -> out.add(e.code()));
        return out;
    }
}
