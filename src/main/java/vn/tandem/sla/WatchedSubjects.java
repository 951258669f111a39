package vn.tandem.sla;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.inbox.TaskSubject;
import vn.tandem.inbox.TaskSubjects;

/** Finds what a task on the clock is about: its case, else the subject the module that started it describes. */
@Component
class WatchedSubjects {

    private final CaseFiles caseFiles;
    private final ObjectProvider<TaskSubjects> subjects;

    WatchedSubjects(CaseFiles caseFiles, ObjectProvider<TaskSubjects> subjects) {
        this.caseFiles = caseFiles;
        this.subjects = subjects;
    }

    Optional<Watched> of(Long caseId, String businessKey) {
        if (caseId != null) {
            return caseFiles.byId(caseId).map(c -> new Watched(c, null));
        }
        return subject(businessKey).map(s -> new Watched(null, s));
    }

    private Optional<TaskSubject> subject(String businessKey) {
        if (businessKey == null) {
            return Optional.empty();
        }
        return subjects.orderedStream()
                .map(s -> s.subject(businessKey))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
