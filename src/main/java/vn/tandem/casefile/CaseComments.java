package vn.tandem.casefile;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Comments on cases. */
interface CaseComments extends JpaRepository<CaseComment, Long> {

    List<CaseComment> findByCaseIdOrderByAtDesc(Long caseId);

    Optional<CaseComment> findByAuthorAndIdempotencyKey(String author, String idempotencyKey);
}
