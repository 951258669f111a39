package vn.tandem.casefile;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** Links between cases. */
interface CaseLinks extends JpaRepository<CaseLink, Long> {

    List<CaseLink> findByCaseIdOrRelatedCaseId(Long caseId, Long relatedCaseId);
}
