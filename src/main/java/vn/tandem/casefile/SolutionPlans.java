package vn.tandem.casefile;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Solution plan versions. */
public interface SolutionPlans extends JpaRepository<SolutionPlan, Long> {

    List<SolutionPlan> findByCaseIdOrderByVersionDesc(Long caseId);

    Optional<SolutionPlan> findFirstByCaseIdOrderByVersionDesc(Long caseId);
}
