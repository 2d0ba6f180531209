package vn.hoctap.reporting;

import vn.hoctap.reporting.core.OrganisationKind;

/** Cơ quan, đơn vị, tổ chức that reports: its code (e.g. CQ-00004-001), name, kind and commune. */
public record Organisation(long id, String code, String name, OrganisationKind kind, String communeCode) {

    public String kindCode() {
        return kind.code();
    }
}
