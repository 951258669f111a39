package vn.tandem.sla;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import org.springframework.stereotype.Component;
import vn.tandem.casefile.CaseChanges;

/**
 * What moves a case's dates without changing the case itself — a pause, an extension, a pinned rule version — marks
 * the case changed, so its kept clock ({@link KeptClocks}) is written again before the transaction commits.
 * Registered as the entity listener of those records; Hibernate takes it from Spring's bean container.
 */
@Component
class ClockChanges {

    private final CaseChanges changes;

    ClockChanges(CaseChanges changes) {
        this.changes = changes;
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object record) {
        Long caseId = null;
        if (record instanceof ClockPause p) {
            caseId = p.getCaseId();
        } else if (record instanceof DeadlineExtension e) {
            caseId = e.getCaseId();
        } else if (record instanceof CaseClockRule r) {
            caseId = r.getCaseId();
        }
        if (caseId != null) {
            changes.touch(caseId);
        }
    }
}
