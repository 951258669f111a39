package vn.tandem.process.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import vn.tandem.process.CaseHandling;

/** Counts the monitoring checks of a temporarily stabilized case (the third one no longer offers "keep"). */
@Component("monitoringCounterDelegate")
class MonitoringCounterDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Object current = execution.getVariable(CaseHandling.VAR_MONITORING_CHECK);
        long next = current instanceof Number n ? n.longValue() + 1 : 1L;
        execution.setVariable(CaseHandling.VAR_MONITORING_CHECK, next);
    }
}
