package vn.tandem.sla;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DeadlineExtensions extends JpaRepository<DeadlineExtension, Long> {

    List<DeadlineExtension> findByCaseIdOrderById(Long caseId);

    List<DeadlineExtension> findByCaseIdIn(Collection<Long> caseIds);
}
