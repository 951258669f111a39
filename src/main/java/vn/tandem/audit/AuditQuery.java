package vn.tandem.audit;

import java.time.LocalDate;

/** Filters of the audit search; every field optional; dates are business dates (Asia/Ho_Chi_Minh), inclusive. */
public record AuditQuery(String actor, String caseCode, String action, LocalDate from, LocalDate to) {}
