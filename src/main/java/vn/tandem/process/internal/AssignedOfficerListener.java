package vn.tandem.process.internal;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.tandem.process.CaseHandling;
import vn.tandem.process.TandemClock;

/**
 * On completing acceptance: the officer who accepted the case becomes its assigned (lead) officer, and the day
 * of acceptance starts the resolution clock (and fixes the legal rule version the case keeps).
 */
@Component("assignedOfficerListener")
class AssignedOfficerListener implements TaskListener {

    private final TandemClock clock;

    AssignedOfficerListener(TandemClock clock) {
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        if (task.getAssignee() != null) {
            task.getExecution().setVariable(CaseHandling.VAR_ASSIGNED_OFFICER, task.getAssignee());
        }
        task.getExecution()
                .setVariable(CaseHandling.VAR_ACCEPTED_ON, LocalDate.now(clock).toString());
    }
}
