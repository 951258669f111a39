package vn.tandem.casefile;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The cases. */
public interface Cases extends JpaRepository<Case, Long>, JpaSpecificationExecutor<Case> {

    Optional<Case> findByCode(String code);

    /**
     * The id, title and area of the open cases of a type received between two instants in an area branch (under
     * {@code prefix}, or one of the areas {@code above}), other than {@code id}, the most recent first: the
     * similar-subject scan of {@link Duplicates}.
     */
    @Query("select c.id, c.title, c.areaPath from CaseFile c where c.id <> :id and c.receivedAt between :from and :to"
            + " and c.type = :type and c.status <> vn.tandem.casefile.CaseStatus.CLOSED"
            + " and (c.areaPath like :prefix or c.areaPath in :above) order by c.receivedAt desc, c.id desc")
    List<Object[]> subjectsNear(
            @Param("id") long id,
            @Param("from") java.time.Instant from,
            @Param("to") java.time.Instant to,
            @Param("type") CaseType type,
            @Param("prefix") String prefix,
            @Param("above") Collection<String> above,
            org.springframework.data.domain.Limit limit);

    /** How many cases of each type are in each status: {@code [type, status, count]}. */
    @Query("select c.type, c.status, count(c) from CaseFile c group by c.type, c.status")
    List<Object[]> countByTypeAndStatus();

    List<Case> findByStatusIn(java.util.Collection<CaseStatus> statuses);

    /**
     * The facts of the cases still open, or closed after a moment (the outlook reads the weeks since): two queries,
     * each on an index (status, closing time), rather than one "open or closed after" that walks the whole register.
     */
    default List<CaseFacts> findOpenOrClosedAfter(java.time.Instant after) {
        List<CaseFacts> facts = new java.util.ArrayList<>(findFactsByStatusIn(CaseStatus.OPEN));
        facts.addAll(findFactsClosedAfter(after));
        return facts;
    }

    @Query("select new vn.tandem.casefile.CaseFacts(c.id, c.unitId, c.receivedAt, c.closedAt, c.crowd,"
            + " c.levelSkipping, c.hotspot, c.reopenedAt) from CaseFile c where c.status in :statuses")
    List<CaseFacts> findFactsByStatusIn(@Param("statuses") java.util.Collection<CaseStatus> statuses);

    @Query("select new vn.tandem.casefile.CaseFacts(c.id, c.unitId, c.receivedAt, c.closedAt, c.crowd,"
            + " c.levelSkipping, c.hotspot, c.reopenedAt) from CaseFile c where c.closedAt > :after")
    List<CaseFacts> findFactsClosedAfter(@Param("after") java.time.Instant after);

    /**
     * Every non-confidential petitioner's numbers with its case's id and receipt, to find people who came before
     * (rows: id number, phone, case id, received at).
     */
    @Query("select p.idNumber, p.phone, c.id, c.receivedAt from CaseFile c join c.petitioners p"
            + " where p.confidential = false and (p.idNumber is not null or p.phone is not null)")
    List<Object[]> petitionerNumbers();

    /**
     * Cases whose petitioners (not the confidential ones: a denouncer is never found this way) have one of these ID
     * numbers or phones; stored numbers are compared without spaces, dots and dashes. Newest first.
     */
    @Query("select distinct c from CaseFile c join c.petitioners p where p.confidential = false and ("
            + "replace(replace(replace(p.idNumber, ' ', ''), '.', ''), '-', '') in :ids"
            + " or replace(replace(replace(p.phone, ' ', ''), '.', ''), '-', '') in :phones)"
            + " order by c.receivedAt desc")
    List<Case> findByPetitionerNumbers(
            @Param("ids") Collection<String> ids, @Param("phones") Collection<String> phones);
}
