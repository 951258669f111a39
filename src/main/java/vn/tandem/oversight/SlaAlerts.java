package vn.tandem.oversight;

import org.springframework.data.jpa.repository.JpaRepository;

interface SlaAlerts extends JpaRepository<SlaAlert, Long> {

    boolean existsByTaskIdAndThreshold(String taskId, String threshold);
}
