package vn.tandem.process.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;
import vn.tandem.process.SlaEscalation;

/**
 * The escalation ladder's statutory-limit step: publishes a {@code STATUTORY} threshold (input {@code sla}) for
 * the watched task, if it is still open.
 */
@Component("slaStatutoryDelegate")
public class SlaStatutoryDelegate implements JavaDelegate {

    private final SlaTimerListener signals;

    public SlaStatutoryDelegate(SlaTimerListener signals) {
        this.signals = signals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object threshold = execution.getVariableLocal(SlaTimerListener.SLA);
        Object taskId = execution.getVariable(SlaEscalation.VAR_WATCHED_TASK_ID);
        Task task = taskId == null
                ? null
                : execution
                        .getProcessEngineServices()
                        .getTaskService()
                        .createTaskQuery()
                        .taskId(taskId.toString())
                        .singleResult();
        if (threshold == null || task == null) {
            return; // the watched task is done: nothing is overdue any more
        }
        var element = execution
                .getProcessEngineServices()
                .getRepositoryService()
                .getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey());
        signals.publish(
                task,
                threshold.toString(),
                element instanceof UserTask userTask ? BpmnProperties.legalStep(userTask) : null);
    }
}
