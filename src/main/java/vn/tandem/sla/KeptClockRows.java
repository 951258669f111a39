package vn.tandem.sla;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The kept clocks of the cases. */
interface KeptClockRows extends JpaRepository<KeptClock, Long> {

    /**
     * Forgets the kept clocks that may be read again — of the open cases and of those closed since {@code since}
     * — after a change that moves dates everywhere (a rule's version, the holiday calendar).
     */
    @Modifying
    @Query("delete from KeptClock k where k.caseId in (select c.id from CaseFile c"
            + " where c.status <> vn.tandem.casefile.CaseStatus.CLOSED or c.closedAt >= :since)")
    int forgetSince(Instant since);

    /**
     * Cases after the id {@code after} without a kept clock that may be read (open, or closed since {@code since}),
     * by id.
     */
    @Query("select c.id from CaseFile c where c.id > :after and (c.status <> vn.tandem.casefile.CaseStatus.CLOSED"
            + " or c.closedAt >= :since) and not exists (select 1 from KeptClock k where k.caseId = c.id)"
            + " order by c.id")
    List<Long> missingSince(Instant since, long after, Limit limit);
}
