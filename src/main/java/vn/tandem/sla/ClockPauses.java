package vn.tandem.sla;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The pauses of every case's clock. */
interface ClockPauses extends JpaRepository<ClockPause, Long> {

    List<ClockPause> findByCaseIdOrderByPausedAt(Long caseId);

    List<ClockPause> findByCaseIdIn(Collection<Long> caseIds);
}
