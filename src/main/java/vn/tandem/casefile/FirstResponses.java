package vn.tandem.casefile;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface FirstResponses extends JpaRepository<FirstResponse, Long> {

    Optional<FirstResponse> findByCaseId(Long caseId);
}
