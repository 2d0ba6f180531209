/**
 * Chu trình hằng năm thực hiện Nghị quyết 23-NQ/TU (issue 14): implementation plans per level, targets per commune,
 * inspection (kiểm tra, giám sát) with visits recorded offline, recognition decisions and the national "Thành phố học
 * tập" title, and the review (sơ kết) and summary (tổng kết) reports as administrative documents. The business rules
 * are plain Java in {@code cycle.rules}; the services at the package root; pages in {@code cycle.web}; demo data in
 * {@code cycle.internal}. See docs/cycle.md.
 */
package vn.hoctap.cycle;
