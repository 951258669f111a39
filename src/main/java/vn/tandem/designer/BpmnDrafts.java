package vn.tandem.designer;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface BpmnDrafts extends JpaRepository<BpmnDraft, Long> {

    Optional<BpmnDraft> findFirstByProcessKeyOrderByIdDesc(String processKey);
}
