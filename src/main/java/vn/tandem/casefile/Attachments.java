package vn.tandem.casefile;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** Attachment metadata. */
interface Attachments extends JpaRepository<Attachment, Long> {

    List<Attachment> findByCaseIdOrderByUploadedAtDesc(Long caseId);

    Optional<Attachment> findByIdAndCaseId(Long id, Long caseId);
}
