package vn.tandem.sla;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import java.util.Collection;

/** The pauses of every case's clock. */
interface ClockPauses extends JpaRepository<ClockPause, Long> {

    List<ClockPause> findByCaseIdOrderByPausedAt(Long caseId);

    List<ClockPause> findByCaseIdIn(Collection<Long> caseIds);
}
