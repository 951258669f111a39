package vn.tandem.audit;

import org.springframework.data.repository.Repository;

/** Append-only, like the trail it indexes. */
interface AuditSearchTexts extends Repository<AuditSearchText, Long> {

    AuditSearchText save(AuditSearchText text);
}
