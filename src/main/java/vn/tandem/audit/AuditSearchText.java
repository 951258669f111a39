package vn.tandem.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An audit entry's words folded for search, written with the entry (the entry itself is never updated). */
@Entity
@Table(name = "audit_search")
class AuditSearchText {

    @Id
    private Long entryId;

    private String folded;

    protected AuditSearchText() {}

    AuditSearchText(Long entryId, String folded) {
        this.entryId = entryId;
        this.folded = folded;
    }
}
