package vn.tandem.exchange;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The information requests. */
public interface InformationRequests extends JpaRepository<InformationRequest, Long> {

    List<InformationRequest> findByCaseIdOrderByRequestedAtDesc(Long caseId);
}
