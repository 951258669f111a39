package vn.tandem.sla;

import vn.tandem.process.Threshold;
import org.springframework.data.jpa.repository.JpaRepository;

interface SlaAlerts extends JpaRepository<SlaAlert, Long> {

    boolean existsByTaskIdAndThreshold(String taskId, Threshold threshold);
}
