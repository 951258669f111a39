/**
 * Statutory notices and transfers (docs/notices.md): acceptance, refusal, transfer and decision notices and transfer
 * slips made from DOCX templates (admins replace them per case type), numbered per issuing unit, year and type without
 * gaps, stored on the case as Word and PDF, issued on their own when the law requires them; a case transferred to the
 * competent body awaits and records that body's answer.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notices")
package vn.tandem.notice;
