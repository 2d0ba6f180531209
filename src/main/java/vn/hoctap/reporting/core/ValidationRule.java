package vn.hoctap.reporting.core;

/** Quy tắc kiểm tra: a condition over the data set's elements and what to tell the user when it fails. */
public record ValidationRule(Expression condition, String messageVi, String messageEn) {

    public String message(boolean english) {
        return english ? messageEn : messageVi;
    }
}
