package vn.tandem.audit;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** Read and append access to the audit trail; deliberately no update or delete method. */
public interface AuditEntries extends Repository<AuditEntry, Long> {

    AuditEntry save(AuditEntry entry);

    List<AuditEntry> findByCaseIdOrderByAtDescIdDesc(Long caseId);

    List<AuditEntry> findByActionOrderByIdAsc(String action);

    Page<AuditEntry> findAllByOrderByIdDesc(Pageable pageable);

    long count();
}
