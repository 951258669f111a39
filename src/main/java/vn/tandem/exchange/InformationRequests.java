package vn.tandem.exchange;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The information requests. */
public interface InformationRequests extends JpaRepository<InformationRequest, Long> {

    List<InformationRequest> findByCaseIdOrderByRequestedAtDesc(Long caseId);

    /** Requests without a case in an area subtree, newest first. */
    List<InformationRequest> findByCaseIdIsNullAndAreaPathStartingWithOrderByRequestedAtDesc(String areaPath);

    /** Requests made in a period about a case, or about a unit, in an area subtree ({@code LIKE} pattern). */
    @Query("""
            select r from InformationRequest r
            where r.requestedAt >= :start and r.requestedAt < :end
              and ((r.caseId is null and r.areaPath like :area escape '\\')
                or r.caseId in (select c.id from CaseFile c where c.areaPath like :area escape '\\'))
            """)
    List<InformationRequest> requestedBetween(Instant start, Instant end, String area);
}
