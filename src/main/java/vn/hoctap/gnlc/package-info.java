/**
 * Thành phố học tập toàn cầu UNESCO (GNLC): Hà Nội's membership of UNESCO's Global Network of Learning Cities
 * (since 4/12/2025), the evidence gathered by Key Feature, the biennial progress report and the Learning City Award
 * questionnaires with their bilingual answers, the gap view and international cooperation. The package root is the
 * pure core (framework, questionnaire and mapping files, evidence-strength and deadline policies, answer drafting);
 * the Spring services are in {@code gnlc.internal}, the pages in {@code gnlc.web}. See docs/gnlc.md.
 */
package vn.hoctap.gnlc;
