package vn.tandem.situation;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.tandem.common.InvalidInputException;
import vn.tandem.identity.CurrentUser;
import vn.tandem.inbox.TaskSubject;
import vn.tandem.inbox.TaskSubjects;

/**
 * Tells the inbox and the task pages what a report task is about: the unit and the period it reports on, for the
 * unit's agency; its page is the report form, pre-filled for the round.
 */
@Component
class RoundSubjects implements TaskSubjects {

    /** The inbox's type column for a report task. */
    static final String KIND = "SITUATION_REPORT";

    private final Rounds rounds;

    RoundSubjects(Rounds rounds) {
        this.rounds = rounds;
    }

    @Override
    public Optional<TaskSubject> subject(String businessKey) {
        return rounds.byBusinessKey(businessKey)
                .map(r -> new TaskSubject(
                        r.reference(),
                        rounds.title(r),
                        KIND,
                        r.getUnitId(),
                        r.getAreaPath(),
                        List.of(r.getAgencyCode()),
                        "/situation/reports/new?round=" + r.getId()));
    }

    @Override
    public void attach(String businessKey, String fileName, InputStream content, CurrentUser user) {
        // a report task has no file fields: its photos go with the report's signals
        throw new InvalidInputException("file", "situation.round.noAttachments");
    }
}
