package vn.tandem.casefile;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Timeline entries of all cases. */
public interface TimelineEntries extends JpaRepository<TimelineEntry, Long> {

    List<TimelineEntry> findByCaseIdOrderByAtDescIdDesc(Long caseId);

    /** The cases with an entry of this kind in a period. */
    @Query("select distinct e.caseId from TimelineEntry e where e.kind = :kind and e.at >= :start and e.at < :end")
    List<Long> casesWithEntryBetween(String kind, Instant start, Instant end);
}
