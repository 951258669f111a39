package vn.tandem.casefile;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Timeline entries of all cases. */
public interface TimelineEntries extends JpaRepository<TimelineEntry, Long> {

    List<TimelineEntry> findByCaseIdOrderByAtDescIdDesc(Long caseId);
}
