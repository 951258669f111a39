package vn.tandem.exchange;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The information requests. */
public interface InformationRequests extends JpaRepository<InformationRequest, Long> {

    List<InformationRequest> findByCaseIdOrderByRequestedAtDesc(Long caseId);

    /** Requests without a case in an area subtree, newest first. */
    List<InformationRequest> findByCaseIdIsNullAndAreaPathStartingWithOrderByRequestedAtDesc(String areaPath);
}
