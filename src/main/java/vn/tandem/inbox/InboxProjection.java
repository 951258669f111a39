package vn.tandem.inbox;

import java.util.List;
import java.util.Optional;
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
    private final List<TaskSubjects> subjects;

    InboxProjection(InboxItems items, CaseFiles caseFiles, List<TaskSubjects> subjects) {
        this.items = items;
        this.caseFiles = caseFiles;
        this.subjects = subjects;
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
            // a task about something else (a request about a unit): its module says what, or it is not listed
            subjects.stream()
                    .map(s -> s.subject(task.businessKey()))
                    .flatMap(Optional::stream)
                    .findFirst()
                    .ifPresent(subject -> {
                        InboxItem item = items.findById(task.id()).orElseGet(() -> new InboxItem(task.id()));
                        item.apply(task, subject);
                        items.save(item);
                    });
            return;
        }
        InboxItem item = items.findById(task.id()).orElseGet(() -> new InboxItem(task.id()));
        item.apply(task, caseFiles.summary(task.caseId()));
        items.save(item);
    }
}
