package vn.tandem.process.internal;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
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
        Task task = attachedTask(
                execution,
                execution
                        .getProcessEngineServices()
                        .getTaskService()
                        .createTaskQuery()
                        .processInstanceId(execution.getProcessInstanceId())
                        .taskDefinitionKey(taskKey)
                        .list());
        if (threshold == null || task == null) {
            log.warn("SLA timer {} fired without its task {}", boundary.getId(), taskKey);
            return;
        }
        publish(task, threshold, BpmnProperties.legalStep((UserTask) boundary.getAttachedTo()));
    }

    /**
     * The task the timer is attached to. A step that runs once per agency (multi-instance) has one task per
     * instance with the same key: the one whose execution is closest to the timer's in the execution tree.
     */
    static Task attachedTask(DelegateExecution execution, List<Task> tasks) {
        if (tasks.size() <= 1) {
            return tasks.isEmpty() ? null : tasks.get(0);
        }
        List<String> timerLine = line((ExecutionEntity) execution);
        Task best = null;
        int bestDepth = -1;
        for (Task task : tasks) {
            ExecutionEntity taskExecution = task instanceof TaskEntity entity ? entity.getExecution() : null;
            if (taskExecution == null) {
                continue;
            }
            List<String> taskLine = line(taskExecution);
            int common = 0;
            while (common < timerLine.size()
                    && common < taskLine.size()
                    && timerLine.get(common).equals(taskLine.get(common))) {
                common++;
            }
            if (common > bestDepth) {
                bestDepth = common;
                best = task;
            }
        }
        return best;
    }

    /** The ids from the process instance down to this execution. */
    private static List<String> line(ExecutionEntity execution) {
        List<String> ids = new ArrayList<>();
        for (ExecutionEntity e = execution; e != null; e = e.getParent()) {
            ids.add(0, e.getId());
        }
        return ids;
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
