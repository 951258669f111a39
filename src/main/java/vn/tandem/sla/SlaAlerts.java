package vn.tandem.sla;

import org.springframework.data.jpa.repository.JpaRepository;
import vn.tandem.process.Threshold;

interface SlaAlerts extends JpaRepository<SlaAlert, Long> {

    boolean existsByTaskIdAndThreshold(String taskId, Threshold threshold);

    java.util.List<SlaAlert> findByThresholdAndFiredAtAfterAndCaseIdIsNotNull(
            Threshold threshold, java.time.Instant after);
}
