/**
 * The append-only audit trail: every state change in every module writes one entry (who, when, what, which case,
 * before/after of the changed fields). There is no update or delete path.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package vn.tandem.audit;
