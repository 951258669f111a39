package vn.tandem.sla;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ComplexityDecisions extends JpaRepository<ComplexityDecision, Long> {

    List<ComplexityDecision> findByCaseIdOrderById(Long caseId);
}
