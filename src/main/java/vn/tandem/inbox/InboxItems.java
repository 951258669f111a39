package vn.tandem.inbox;

import java.util.List;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/** The inbox read model. */
public interface InboxItems extends JpaRepository<InboxItem, String>, JpaSpecificationExecutor<InboxItem> {

    List<InboxItem> findByCaseId(Long caseId);

    /**
     * The steps that have open tasks, for the inbox's step filter (covers steps a designer adds), each with the name
     * of one of its tasks to show where the step has no label of its own.
     */
    @Query(
            "select i.taskKey, min(i.taskName), min(i.taskNameEn) from InboxItem i group by i.taskKey order by i.taskKey")
    List<Object[]> taskKeys();

    /** Every row with its candidate groups (consistency checks; the lists never need the groups). */
    @EntityGraph(attributePaths = "candidateGroups")
    @Query("select i from InboxItem i")
    List<InboxItem> findAllWithCandidateGroups();
}
