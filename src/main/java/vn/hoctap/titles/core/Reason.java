package vn.hoctap.titles.core;

/** One explanation line, in Vietnamese and English. */
public record Reason(String vi, String en) {}
