package vn.tandem.process.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageInMemProcessEngineConfiguration;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import vn.tandem.audit.AuditLog;
import vn.tandem.process.CaseAgencies;
import vn.tandem.process.ReportRounds;
import vn.tandem.process.StepDeadlines;
import vn.tandem.process.TandemClock;
import vn.tandem.sla.LegalStep;

/**
 * A plain in-memory engine wired with Tandem's real plugin, listeners and delegates (no Spring context), the
 * coverage plugin, the job executor off, and a list collecting every published event.
 */
final class TestEngine {

    static final List<Object> EVENTS = new CopyOnWriteArrayList<>();

    /** The report rounds the next daily run of the situation reports opens (then forgotten, as opened). */
    static final List<ReportRounds.Round> ROUNDS_DUE = new CopyOnWriteArrayList<>();

    private TestEngine() {}

    static ProcessEngineConfiguration configuration(String name) {
        return configuration(name, new ProcessCoverageInMemProcessEngineConfiguration());
    }

    /** The same engine without the coverage plugin (for tests that are not process tests). */
    static ProcessEngineConfiguration plain(String name) {
        return configuration(name, new StandaloneInMemProcessEngineConfiguration());
    }

    private static ProcessEngineConfiguration configuration(String name, ProcessEngineConfigurationImpl configuration) {
        TandemClock clock = new TandemClock(ZoneId.of("Asia/Ho_Chi_Minh"));
        SlaTimers slaTimers = new SlaTimers(
                clock,
                new TaskProperties(5, Map.of("Task_Accept", 10)),
                new StaticListableBeanFactory().getBeanProvider(StepDeadlines.class),
                2);
        TaskEventsListener taskEvents = new TaskEventsListener(EVENTS::add, clock, slaTimers);
        SlaTimerListener timerListener = new SlaTimerListener(EVENTS::add, clock);
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000");
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        configuration.setBeans(Map.of(
                "caseLifecycleDelegate",
                new CaseLifecycleDelegate(EVENTS::add),
                "monitoringCounterDelegate",
                new MonitoringCounterDelegate(),
                "assignedOfficerListener",
                new AssignedOfficerListener(clock),
                "taskEventsListener",
                taskEvents,
                "slaTimers",
                slaTimers,
                "caseAgencies",
                new CaseAgencyGroups(agencies().getBeanProvider(CaseAgencies.class)),
                "slaTimerListener",
                timerListener,
                "slaStatutoryDelegate",
                new SlaStatutoryDelegate(timerListener),
                "situationRoundsDelegate",
                new SituationRoundsDelegate(rounds().getBeanProvider(ReportRounds.class), clock, slaTimers)));
        configuration
                .getProcessEnginePlugins()
                .add(new TandemEnginePlugin(
                        taskEvents,
                        new BpmnDeploymentGuard(
                                TestEngine::groupExists, TestEngine::legalStepKnown, () -> configuration),
                        new StaticListableBeanFactory().getBeanProvider(AuditLog.class),
                        null));
        return configuration;
    }

    /** The founding two agencies take part in every test case, the lead (Công an in these tests) first. */
    static final CaseAgencies AGENCIES = new CaseAgencies() {
        @Override
        public List<String> verifierGroups(long caseId) {
            return List.of("congan-officer", "danvan-officer");
        }

        @Override
        public List<String> supervisorGroups(long caseId) {
            return List.of("congan-supervisor", "danvan-supervisor");
        }

        @Override
        public String agencyName(String group) {
            return group.startsWith("congan") ? "Công an tỉnh" : "Ban Dân vận Tỉnh ủy";
        }

        @Override
        public String agencyNameEn(String group) {
            return group.startsWith("congan") ? "Provincial Police" : "Mass Mobilization Board";
        }
    };

    private static StaticListableBeanFactory rounds() {
        StaticListableBeanFactory factory = new StaticListableBeanFactory();
        factory.addBean("rounds", (ReportRounds) today -> {
            List<ReportRounds.Round> due = List.copyOf(ROUNDS_DUE);
            ROUNDS_DUE.clear();
            return due;
        });
        return factory;
    }

    private static StaticListableBeanFactory agencies() {
        StaticListableBeanFactory factory = new StaticListableBeanFactory();
        factory.addBean("agencies", AGENCIES);
        return factory;
    }

    /** The open task with this key given to this candidate group (one instance of a multi-instance step). */
    static Task task(TaskService tasks, String processInstanceId, String key, String group) {
        return tasks.createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(key)
                .taskCandidateGroup(group)
                .singleResult();
    }

    /** The legal steps the clock knows, as the sla module answers. */
    static boolean legalStepKnown(String step) {
        return LegalStep.parse(step)
                .filter(s -> s.kind() == LegalStep.Kind.STEP)
                .filter(s -> s.name().equals(step))
                .isPresent();
    }

    /** The candidate groups of the demo agencies. */
    static boolean groupExists(String group) {
        return group.matches("(danvan|congan)-(officer|supervisor|designer|admin)(-province)?");
    }

    /** The single open task with this key in the process instance. */
    static Task task(TaskService tasks, String processInstanceId, String key) {
        return tasks.createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(key)
                .singleResult();
    }

    /** Claims the single open task with this key for the user (unless assigned) and submits its form. */
    static void submit(
            ProcessEngine engine, String processInstanceId, String key, String user, Map<String, Object> values) {
        Task task = task(engine.getTaskService(), processInstanceId, key);
        if (task == null) {
            throw new AssertionError("no open task " + key);
        }
        if (task.getAssignee() == null) {
            engine.getTaskService().claim(task.getId(), user);
        }
        engine.getFormService().submitTaskForm(task.getId(), values);
    }

    /** Completes the task with this key that the group may work (one agency's instance of a multi-instance step). */
    static void submitAs(
            ProcessEngine engine,
            String processInstanceId,
            String key,
            String group,
            String user,
            Map<String, Object> values) {
        Task task = task(engine.getTaskService(), processInstanceId, key, group);
        if (task == null) {
            throw new AssertionError("no open task " + key + " for " + group);
        }
        engine.getTaskService().claim(task.getId(), user);
        engine.getFormService().submitTaskForm(task.getId(), values);
    }

    /** Moves the engine clock on and runs every job then due (the job executor is off). */
    static void advanceDays(ProcessEngine engine, int days) {
        ClockUtil.setCurrentTime(
                Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(days))));
        engine.getManagementService()
                .createJobQuery()
                .executable()
                .list()
                .forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
}
