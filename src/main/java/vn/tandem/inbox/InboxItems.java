package vn.tandem.inbox;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** The inbox read model. */
public interface InboxItems extends JpaRepository<InboxItem, String>, JpaSpecificationExecutor<InboxItem> {

    List<InboxItem> findByCaseId(Long caseId);
}
