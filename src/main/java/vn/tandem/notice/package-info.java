/**
 * Statutory notices (docs/notices.md): acceptance, refusal, transfer and decision notices made from DOCX templates
 * (admins replace them per case type), numbered per issuing unit, year and type without gaps, stored on the case as
 * Word and PDF.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notices")
package vn.tandem.notice;
