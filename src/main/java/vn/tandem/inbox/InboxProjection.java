package vn.tandem.inbox;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.tandem.casefile.CaseChanged;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.process.TaskChanged;
import vn.tandem.process.TaskClosed;
import vn.tandem.process.TaskOpened;
import vn.tandem.process.TaskSnapshot;

/** Keeps the inbox read model equal to the engine's open tasks, in the engine's transaction. */
@Component
class InboxProjection {

    private final InboxItems items;
    private final CaseFiles caseFiles;

    InboxProjection(InboxItems items, CaseFiles caseFiles) {
        this.items = items;
        this.caseFiles = caseFiles;
    }

    @EventListener
    void on(TaskOpened event) {
        upsert(event.task());
    }

    @EventListener
    void on(TaskChanged event) {
        upsert(event.task());
    }

    @EventListener
    void on(TaskClosed event) {
        items.findById(event.task().id()).ifPresent(items::delete);
    }

    @EventListener
    void on(CaseChanged event) {
        for (InboxItem item : items.findByCaseId(event.summary().id())) {
            item.apply(event.summary());
        }
    }

    void upsert(TaskSnapshot task) {
        if (task.caseId() == null) {
            return;
        }
        InboxItem item = items.findById(task.id()).orElseGet(() -> new InboxItem(task.id()));
        item.apply(task, caseFiles.summary(task.caseId()));
        items.save(item);
    }
}
