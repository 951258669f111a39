package vn.tandem.process.internal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import vn.tandem.process.CaseHandling;

/** On completing acceptance: the officer who accepted the case becomes its assigned (lead) officer. */
@Component("assignedOfficerListener")
class AssignedOfficerListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (task.getAssignee() != null) {
            task.getExecution().setVariable(CaseHandling.VAR_ASSIGNED_OFFICER, task.getAssignee());
        }
    }
}
