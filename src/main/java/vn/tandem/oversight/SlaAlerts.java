package vn.tandem.oversight;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SlaAlerts extends JpaRepository<SlaAlert, Long> {

    boolean existsByTaskIdAndThreshold(String taskId, String threshold);

    List<SlaAlert> findByCaseIdOrderByFiredAt(Long caseId);

    List<SlaAlert> findByCaseIdIn(Collection<Long> caseIds);

    long countByThreshold(String threshold);
}
