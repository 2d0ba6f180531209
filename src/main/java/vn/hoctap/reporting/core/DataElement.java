package vn.hoctap.reporting.core;

/** Chỉ tiêu báo cáo (DHIS2 data element): a code unique across data sets, its names, type and smallest value. */
public record DataElement(String code, String nameVi, String nameEn, ElementType type, double min) {

    public String name(boolean english) {
        return english ? nameEn : nameVi;
    }
}
