package vn.tandem.sla;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface Escalations extends JpaRepository<Escalation, Long> {

    Optional<Escalation> findByWatchedTaskId(String watchedTaskId);

    List<Escalation> findByStatusOrderByRaisedAt(Escalation.Status status);

    /** The escalations in a status of tasks without a case (another subject's), oldest first. */
    List<Escalation> findByStatusAndCaseIdIsNullOrderByRaisedAt(Escalation.Status status);

    long countByStatus(Escalation.Status status);
}
