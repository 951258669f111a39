package vn.tandem.process.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import vn.tandem.process.CaseAgencies;
import vn.tandem.process.CaseHandling;
import vn.tandem.process.ReportRounds;
import vn.tandem.process.StepDeadlines;
import vn.tandem.process.TandemClock;

/**
 * The benchmark's baseline (issue 19): a bare Camunda 7 engine — no Spring, no Tandem plugin, no expression
 * sandbox, history full — running {@code bpmn/case-handling.bpmn} with only the beans its expressions name (the
 * process module's own delegates and timer dates, their events dropped). It shares nothing with Tandem but the
 * database server and the engine clock ({@code ClockUtil}). Registered under its name, so the engine REST API of
 * the application under test serves it at {@code /engine-rest/engine/{name}} — Camunda's own REST API, as Camunda
 * Tasklist would call it.
 */
public final class BareEngine implements AutoCloseable {

    private final ProcessEngine engine;

    private BareEngine(ProcessEngine engine) {
        this.engine = engine;
    }

    /**
     * Builds the engine on its own database and deploys the case process from {@code bpmn/}. The
     * job executor is configured as Tandem's (3–6 threads, 3 jobs per acquisition) and started only by
     * {@link #startJobExecutor()}.
     */
    public static BareEngine open(String name, String jdbcUrl, String user, String password) throws IOException {
        TandemClock clock = new TandemClock(ZoneId.of("Asia/Ho_Chi_Minh"));
        SlaTimers slaTimers = new SlaTimers(
                clock,
                new TaskProperties(5, Map.of("Task_Accept", 10)),
                new StaticListableBeanFactory().getBeanProvider(StepDeadlines.class),
                2);
        SlaTimerListener timerListener = new SlaTimerListener(event -> {}, clock);
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl(jdbcUrl);
        configuration.setJdbcUsername(user);
        configuration.setJdbcPassword(password);
        configuration.setJdbcMaxActiveConnections(10);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setJobExecutorDeploymentAware(false);
        DefaultJobExecutor executor = new DefaultJobExecutor();
        executor.setCorePoolSize(3);
        executor.setMaxPoolSize(6);
        executor.setQueueSize(10);
        executor.setMaxJobsPerAcquisition(3);
        configuration.setJobExecutor(executor);
        // the form constraint the process's forms name (the only piece of Tandem's plugin a bare engine needs)
        configuration.setCustomFormFieldValidators(Map.of(RequiredIfValidator.NAME, RequiredIfValidator.class));
        configuration.setBeans(Map.of(
                "caseLifecycleDelegate",
                new CaseLifecycleDelegate(event -> {}),
                "monitoringCounterDelegate",
                new MonitoringCounterDelegate(),
                "assignedOfficerListener",
                new AssignedOfficerListener(clock),
                "slaTimers",
                slaTimers,
                "caseAgencies",
                new CaseAgencyGroups(agencies().getBeanProvider(CaseAgencies.class)),
                "slaTimerListener",
                timerListener,
                "slaStatutoryDelegate",
                new SlaStatutoryDelegate(timerListener),
                "situationRoundsDelegate",
                new SituationRoundsDelegate(
                        new StaticListableBeanFactory().getBeanProvider(ReportRounds.class), clock, slaTimers)));
        ProcessEngine engine = configuration.buildProcessEngine();
        if (engine.getRepositoryService()
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(CaseHandling.PROCESS_KEY)
                        .count()
                == 0) {
            try (InputStream bpmn = Files.newInputStream(Path.of("bpmn/case-handling.bpmn"))) {
                engine.getRepositoryService()
                        .createDeployment()
                        .name("bare benchmark")
                        .addInputStream("case-handling.bpmn", bpmn)
                        .deploy();
            }
        }
        return new BareEngine(engine);
    }

    public String name() {
        return engine.getName();
    }

    public void startJobExecutor() {
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getJobExecutor()
                .start();
    }

    public void stopJobExecutor() {
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getJobExecutor()
                .shutdown();
    }

    /** The process variables Tandem's intake starts a case with. */
    public static Map<String, Object> startVariables(long caseId, String code, String type, String receivedOn) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(CaseHandling.VAR_CASE_ID, caseId);
        vars.put(CaseHandling.VAR_CASE_CODE, code);
        vars.put(CaseHandling.VAR_CASE_TYPE, type);
        vars.put(CaseHandling.VAR_LEAD_AGENCY, "CONGAN");
        vars.put(CaseHandling.VAR_LEAD_OFFICERS, "congan-officer");
        vars.put(CaseHandling.VAR_LEAD_SUPERVISORS, "congan-supervisor");
        vars.put(CaseHandling.VAR_RECEIVED_ON, receivedOn);
        return vars;
    }

    /** Starts a case's process; returns the process instance id. */
    public String start(long caseId, Map<String, Object> variables) {
        return engine.getRuntimeService()
                .startProcessInstanceByKey(CaseHandling.PROCESS_KEY, Long.toString(caseId), variables)
                .getId();
    }

    /**
     * Completes the open task with this key (for this candidate group when not null) as a user does in Tasklist:
     * find it, claim it unless assigned, submit its form.
     */
    public void submit(String processInstanceId, String key, String group, String user, Map<String, Object> values) {
        TaskService tasks = engine.getTaskService();
        TaskQuery query =
                tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key);
        if (group != null) {
            query.taskCandidateGroup(group);
        }
        Task task = query.singleResult();
        if (task == null) {
            throw new IllegalStateException("no open task " + key + " in " + processInstanceId);
        }
        if (task.getAssignee() == null) {
            tasks.claim(task.getId(), user);
        }
        engine.getFormService().submitTaskForm(task.getId(), values);
    }

    /** Whether the process instance has ended. */
    public boolean ended(String processInstanceId) {
        return engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .count()
                == 0;
    }

    /**
     * One inbox page the engine's way: the open tasks offered to the group, due date first, 50 rows and the total;
     * optionally only one case type (a process-variable filter) or only overdue tasks. Returns the row count.
     */
    public int taskPage(String group, String caseType, boolean overdue, int size) {
        TaskQuery query = engine.getTaskService().createTaskQuery().taskCandidateGroup(group);
        if (caseType != null) {
            query.processVariableValueEquals(CaseHandling.VAR_CASE_TYPE, caseType);
        }
        if (overdue) {
            query.dueBefore(new Date(
                    org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime()));
        }
        List<Task> page = query.orderByDueDate().asc().listPage(0, size);
        query.count();
        return page.size();
    }

    /** A write the next query must see (H2 answers a repeated query from its cache until a table it reads changes). */
    public void touch() {
        List<Task> one = engine.getTaskService().createTaskQuery().listPage(0, 1);
        if (!one.isEmpty()) {
            engine.getTaskService().setPriority(one.get(0).getId(), one.get(0).getPriority());
        }
    }

    /**
     * Gives every open task without a due date one, as a process designer would in a bare engine
     * ({@code camunda:dueDate}): the acceptance 14 days after the task was created, the other steps 7 — so a page
     * sorted by due date and the overdue filter have something to work on. Returns how many tasks were dated.
     */
    public int dateOpenTasks() {
        TaskService tasks = engine.getTaskService();
        int dated = 0;
        List<Task> page;
        while (!(page = tasks.createTaskQuery().withoutDueDate().listPage(0, 500)).isEmpty()) {
            for (Task task : page) {
                int days = CaseHandling.TASK_ACCEPT.equals(task.getTaskDefinitionKey()) ? 14 : 7;
                task.setDueDate(new Date(task.getCreateTime().getTime() + days * 86_400_000L));
                tasks.saveTask(task);
                dated++;
            }
        }
        return dated;
    }

    public long openTasks() {
        return engine.getTaskService().createTaskQuery().count();
    }

    /** Timers due now or earlier. */
    public long dueTimers() {
        return engine.getManagementService()
                .createJobQuery()
                .timers()
                .duedateLowerThan(new Date(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime()
                                .getTime()
                        + 1))
                .count();
    }

    /** The latest (or earliest) due date of the open timers of this boundary event due after {@code after}. */
    public java.time.Instant timerDue(String activityId, boolean latest, java.time.Instant after) {
        var jobs = engine.getManagementService()
                .createJobQuery()
                .activityId(activityId)
                .duedateHigherThan(Date.from(after))
                .timers();
        var first = (latest
                        ? jobs.orderByJobDuedate().desc()
                        : jobs.orderByJobDuedate().asc())
                .listPage(0, 1);
        if (first.isEmpty()) {
            throw new IllegalStateException("no timer of " + activityId);
        }
        return first.get(0).getDuedate().toInstant();
    }

    /** How many of the given timer activity had fired (history). */
    public long firedTimers(String activityId) {
        return engine.getHistoryService()
                .createHistoricActivityInstanceQuery()
                .activityId(activityId)
                .count();
    }

    /** The ids of the instances' open tasks with this key. */
    public List<String> openTaskIds(String key) {
        List<String> ids = new ArrayList<>();
        engine.getTaskService().createTaskQuery().taskDefinitionKey(key).list().forEach(t -> ids.add(t.getId()));
        return ids;
    }

    @Override
    public void close() {
        engine.close();
    }

    /** The founding two agencies, as the process tests give them (Công an leads). */
    private static StaticListableBeanFactory agencies() {
        StaticListableBeanFactory factory = new StaticListableBeanFactory();
        factory.addBean("agencies", TestEngine.AGENCIES);
        return factory;
    }
}
