package vn.tandem.oversight;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The report exports made in the background. */
interface ReportExportStore extends JpaRepository<ReportExport, String> {

    @Query("select new vn.tandem.oversight.ReportJob(e.id, e.status, e.progress, e.format, e.fileName)"
            + " from ReportExport e where e.id = :id and e.requestedBy = :user")
    Optional<ReportJob> job(String id, String user);

    @Query("select e.createdAt from ReportExport e where e.id = :id")
    Optional<Instant> createdAt(String id);

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @Modifying
    @Query("update ReportExport e set e.progress = :progress where e.id = :id and e.progress < :progress")
    void progress(String id, int progress);

    @Transactional
    @Modifying
    @Query("delete from ReportExport e where e.createdAt < :before")
    int deleteCreatedBefore(Instant before);
}
