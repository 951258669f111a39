package vn.tandem.sla;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The pinned rule versions of cases' clocks. */
interface CaseClockRules extends JpaRepository<CaseClockRule, Long> {

    List<CaseClockRule> findByCaseId(Long caseId);

    List<CaseClockRule> findByCaseIdIn(Collection<Long> caseIds);

    /** Codes of open cases whose clock started on or after {@code from} under one of these rule versions. */
    @Query("select distinct c.code from CaseClockRule p, vn.tandem.casefile.Case c where c.id = p.caseId "
            + "and c.status <> vn.tandem.casefile.CaseStatus.CLOSED and p.ruleId in ?1 and p.startedOn >= ?2 "
            + "order by c.code")
    List<String> openCasesStartedUnder(Collection<Long> ruleIds, LocalDate from);
}
