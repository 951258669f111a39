package vn.tandem.process;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.ThreadPoolJobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;

/**
 * What an operator does instead of opening Cockpit: the incidents (a job that failed every retry, or one raised by a
 * step) with their error and stack, the process and the business key they belong to; retrying them; resolving one
 * that needs no retry; the job executor's state and backlog. Auditing and naming the cases is the caller's.
 */
@Service
public class EngineOperations {

    /** An incident as the console lists it; {@code stacktrace} only when one incident is asked for. */
    public record IncidentView(
            String id,
            String type,
            String message,
            Instant at,
            String activityId,
            String processKey,
            String processName,
            String processInstanceId,
            String businessKey,
            String jobId,
            String annotation,
            String stacktrace) {}

    /** The job executor on this node and the jobs in the database (all nodes). */
    public record ExecutorState(
            boolean active,
            String lockOwner,
            int maxJobsPerAcquisition,
            long lockTimeMillis,
            int corePoolSize,
            int maxPoolSize,
            int queueSize,
            long dueNow,
            long timersLater,
            long retrying,
            long failed,
            long incidents) {}

    /** What a retry did. */
    public record RetryResult(List<String> retried, List<String> notFound, List<String> notRetriable) {}

    private final ManagementService management;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final ProcessEngineConfigurationImpl configuration;

    EngineOperations(
            ManagementService management,
            RuntimeService runtime,
            RepositoryService repository,
            ProcessEngineConfigurationImpl configuration) {
        this.management = management;
        this.runtime = runtime;
        this.repository = repository;
        this.configuration = configuration;
    }

    /** The open incidents, newest first (at most {@code max}). */
    public List<IncidentView> incidents(int max) {
        List<Incident> found =
                runtime.createIncidentQuery().orderByIncidentTimestamp().desc().listPage(0, max);
        return views(found, false);
    }

    public long incidentCount() {
        return runtime.createIncidentQuery().count();
    }

    /** One incident with the failed job's stack trace. */
    public Optional<IncidentView> incident(String id) {
        Incident incident = runtime.createIncidentQuery().incidentId(id).singleResult();
        return incident == null
                ? Optional.empty()
                : Optional.of(views(List.of(incident), true).get(0));
    }

    /**
     * Gives each failed job of these incidents one more try (the executor picks it up at once); an incident without
     * a job (raised by a step) cannot be retried, only resolved.
     */
    public RetryResult retry(Collection<String> incidentIds) {
        List<String> retried = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        List<String> notRetriable = new ArrayList<>();
        for (String id : incidentIds) {
            Incident incident = id == null
                    ? null
                    : runtime.createIncidentQuery().incidentId(id).singleResult();
            if (incident == null) {
                notFound.add(id);
            } else if (!Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.getIncidentType())
                    || incident.getConfiguration() == null) {
                notRetriable.add(id);
            } else {
                management.setJobRetries(incident.getConfiguration(), 1);
                management.setJobDuedate(incident.getConfiguration(), ClockUtil.getCurrentTime());
                retried.add(id);
            }
        }
        return new RetryResult(retried, notFound, notRetriable);
    }

    /**
     * Resolves an incident that needs no retry, keeping the operator's note on it: a failed job is removed (its
     * effect is given up: a timer will not fire, a step's background work will not run), an incident a step raised
     * is resolved. Empty when there is no such incident.
     */
    public Optional<IncidentView> resolve(String id, String note) {
        Optional<IncidentView> before = incident(id);
        if (before.isEmpty()) {
            return before;
        }
        IncidentView incident = before.get();
        try {
            runtime.setAnnotationForIncidentById(id, note);
        } catch (ProcessEngineException e) {
            // an annotation is a courtesy: the resolution below is what matters
        }
        if (Incident.FAILED_JOB_HANDLER_TYPE.equals(incident.type()) && incident.jobId() != null) {
            management.deleteJob(incident.jobId());
        } else {
            runtime.resolveIncident(id);
        }
        return before;
    }

    public ExecutorState executor() {
        JobExecutor executor = configuration.getJobExecutor();
        int core = 0;
        int maxPool = 0;
        int queue = 0;
        if (executor instanceof ThreadPoolJobExecutor pool && pool.getThreadPoolExecutor() != null) {
            core = pool.getThreadPoolExecutor().getCorePoolSize();
            maxPool = pool.getThreadPoolExecutor().getMaximumPoolSize();
            queue = pool.getThreadPoolExecutor().getQueue().size();
        } else if (executor instanceof SpringJobExecutor spring
                && spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor pool) {
            // the Spring Boot starter runs jobs on Spring's pool (camunda.bpm.job-execution.*-pool-size)
            core = pool.getCorePoolSize();
            maxPool = pool.getMaxPoolSize();
            queue = pool.getQueueSize();
        }
        return new ExecutorState(
                executor != null && executor.isActive(),
                executor == null ? null : executor.getLockOwner(),
                executor == null ? 0 : executor.getMaxJobsPerAcquisition(),
                executor == null ? 0 : executor.getLockTimeInMillis(),
                core,
                maxPool,
                queue,
                management.createJobQuery().executable().count(),
                management
                        .createJobQuery()
                        .timers()
                        .duedateHigherThen(ClockUtil.getCurrentTime())
                        .count(),
                management.createJobQuery().withException().withRetriesLeft().count(),
                management.createJobQuery().noRetriesLeft().count(),
                runtime.createIncidentQuery().count());
    }

    /** Jobs due now and not yet run (the backlog), jobs out of retries, open incidents. */
    public record Counts(long backlog, long failed, long incidents) {}

    /** The counts behind the metrics. */
    public Counts counts() {
        return new Counts(
                management.createJobQuery().executable().count(),
                management.createJobQuery().noRetriesLeft().count(),
                runtime.createIncidentQuery().count());
    }

    private List<IncidentView> views(List<Incident> incidents, boolean withStack) {
        // the incidents' instances and definitions in two queries, not one per incident
        Set<String> instanceIds = incidents.stream()
                .map(Incident::getProcessInstanceId)
                .filter(id -> id != null)
                .collect(Collectors.toSet());
        Set<String> definitionIds = incidents.stream()
                .map(Incident::getProcessDefinitionId)
                .filter(id -> id != null)
                .collect(Collectors.toSet());
        Map<String, ProcessInstance> instances = instanceIds.isEmpty()
                ? Map.of()
                : runtime.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
                        .collect(Collectors.toMap(ProcessInstance::getId, pi -> pi));
        Map<String, ProcessDefinition> definitions = definitionIds.isEmpty()
                ? Map.of()
                : repository
                        .createProcessDefinitionQuery()
                        .processDefinitionIdIn(definitionIds.toArray(String[]::new))
                        .list()
                        .stream()
                        .collect(Collectors.toMap(ProcessDefinition::getId, d -> d));
        List<IncidentView> views = new ArrayList<>();
        for (Incident i : incidents) {
            ProcessInstance instance =
                    i.getProcessInstanceId() == null ? null : instances.get(i.getProcessInstanceId());
            ProcessDefinition definition =
                    i.getProcessDefinitionId() == null ? null : definitions.get(i.getProcessDefinitionId());
            boolean job = Incident.FAILED_JOB_HANDLER_TYPE.equals(i.getIncidentType());
            String stack = null;
            if (withStack && job && i.getConfiguration() != null) {
                try {
                    stack = management.getJobExceptionStacktrace(i.getConfiguration());
                } catch (ProcessEngineException gone) {
                    stack = null;
                }
            }
            views.add(new IncidentView(
                    i.getId(),
                    i.getIncidentType(),
                    i.getIncidentMessage(),
                    i.getIncidentTimestamp() == null
                            ? null
                            : i.getIncidentTimestamp().toInstant(),
                    i.getActivityId(),
                    definition == null ? null : definition.getKey(),
                    definition == null ? null : definition.getName(),
                    i.getProcessInstanceId(),
                    instance == null ? null : instance.getBusinessKey(),
                    job ? i.getConfiguration() : null,
                    i.getAnnotation(),
                    stack));
        }
        return views;
    }
}
