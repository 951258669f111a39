package vn.tandem.process.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.tandem.process.SlaThresholdReached;
import vn.tandem.process.TandemClock;
import vn.tandem.process.Threshold;

/**
 * Turns a fired SLA timer into a {@link SlaThresholdReached} event: the start listener of a task's SLA boundary
 * timer (property {@code sla} = WARNING or BREACH).
 */
@Component("slaTimerListener")
public class SlaTimerListener implements ExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(SlaTimerListener.class);
    /** Extension property of an SLA boundary timer: WARNING or BREACH. */
    public static final String SLA = "sla";

    private final ApplicationEventPublisher events;
    private final TandemClock clock;

    public SlaTimerListener(ApplicationEventPublisher events, TandemClock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (!(execution.getBpmnModelElementInstance() instanceof BoundaryEvent boundary)) {
            return;
        }
        String threshold = BpmnProperties.property(boundary, SLA);
        String taskKey = boundary.getAttachedTo().getId();
        Task task = execution
                .getProcessEngineServices()
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(taskKey)
                .singleResult();
        if (threshold == null || task == null) {
            log.warn("SLA timer {} fired without its task {}", boundary.getId(), taskKey);
            return;
        }
        publish(task, threshold, BpmnProperties.legalStep((UserTask) boundary.getAttachedTo()));
    }

    void publish(Task task, String threshold, String legalStep) {
        Threshold kind = Threshold.parse(threshold).orElse(null);
        if (kind == null) {
            log.warn("Unknown SLA threshold {} on task {}", threshold, task.getTaskDefinitionKey());
            return;
        }
        events.publishEvent(new SlaThresholdReached(
                TaskEventsListener.snapshot((DelegateTask) task), kind, legalStep, clock.instant()));
    }
}
