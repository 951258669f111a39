package vn.tandem.process.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.tandem.process.CaseHandling;
import vn.tandem.process.CaseStatusChanged;

/**
 * Service tasks of the case process that move the case to a new status/outcome. The step declares what it does
 * with input parameters: {@code status}, optional {@code outcome}, {@code event}, {@code note} and
 * {@code relatedCase}; the casefile module applies the change in the same transaction.
 */
@Component("caseLifecycleDelegate")
class CaseLifecycleDelegate implements JavaDelegate {

    private final ApplicationEventPublisher events;

    CaseLifecycleDelegate(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String status = text(execution, "status");
        if (status == null) {
            throw new IllegalStateException("Step " + execution.getCurrentActivityId() + " declares no status");
        }
        if ("MONITORING".equals(status)) {
            execution.setVariable(CaseHandling.VAR_MONITORING_CHECK, 0L);
        }
        events.publishEvent(new CaseStatusChanged(
                Long.parseLong(execution.getProcessBusinessKey()),
                status,
                text(execution, "outcome"),
                text(execution, "event"),
                text(execution, "note"),
                text(execution, "relatedCase"),
                execution.getCurrentActivityId(),
                execution.getCurrentActivityName()));
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariableLocal(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
