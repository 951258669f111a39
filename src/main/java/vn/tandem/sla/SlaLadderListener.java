package vn.tandem.sla;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.tandem.audit.AuditLog;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.casefile.Hotspots;
import vn.tandem.casefile.Timeline;
import vn.tandem.common.Text;
import vn.tandem.identity.CandidateGroup;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Role;
import vn.tandem.notification.Notification;
import vn.tandem.notification.Notifier;
import vn.tandem.process.CaseHandling;
import vn.tandem.process.FormValues;
import vn.tandem.process.LegacyAgencySteps;
import vn.tandem.process.SlaEscalation;
import vn.tandem.process.SlaLadder;
import vn.tandem.process.SlaThresholdReached;
import vn.tandem.process.TaskClosed;
import vn.tandem.process.TaskOpened;
import vn.tandem.process.TaskSnapshot;
import vn.tandem.process.Workflow;

/**
 * The SLA ladder's business side, in the engine's transaction: records each threshold once, marks the case at
 * risk and notifies at 75%, raises an escalation at 100%, raises a hot spot when the statutory limit passes, and
 * applies the supervisor's decision (extension, reassignment) when an escalation task completes.
 */
@Component
class SlaLadderListener {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final SlaAlerts alerts;
    private final WatchedSubjects watched;
    private final Escalations escalations;
    private final DeadlineExtensions extensions;
    private final ExtensionPolicy policy;
    private final CaseFiles caseFiles;
    private final Hotspots hotspots;
    private final CaseClocks clocks;
    private final KeptClocks kept;
    private final SlaLadder ladder;
    private final Workflow workflow;
    private final Timeline timeline;
    private final Notifier notifier;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;

    SlaLadderListener(
            SlaAlerts alerts,
            Escalations escalations,
            DeadlineExtensions extensions,
            ExtensionPolicy policy,
            CaseFiles caseFiles,
            Hotspots hotspots,
            CaseClocks clocks,
            SlaLadder ladder,
            Workflow workflow,
            Timeline timeline,
            Notifier notifier,
            Directory directory,
            AuditLog audit,
            Clock clock,
            WatchedSubjects watched,
            KeptClocks kept) {
        this.watched = watched;
        this.kept = kept;
        this.alerts = alerts;
        this.escalations = escalations;
        this.extensions = extensions;
        this.policy = policy;
        this.caseFiles = caseFiles;
        this.hotspots = hotspots;
        this.clocks = clocks;
        this.ladder = ladder;
        this.workflow = workflow;
        this.timeline = timeline;
        this.notifier = notifier;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void on(SlaThresholdReached event) {
        TaskSnapshot task = event.task();
        Watched about = watched.of(task.caseId(), task.businessKey()).orElse(null);
        if (about == null || alerts.existsByTaskIdAndThreshold(task.id(), event.threshold())) {
            return;
        }
        LegalStep step = LegalStep.parse(event.legalStep()).orElse(null);
        alerts.save(
                new SlaAlert(about.caseId(), task.id(), task.key(), task.name(), step, event.threshold(), event.at()));
        String agency = agencyOf(task, about.leadAgency());
        String due = task.due() == null
                ? ""
                : task.due().atZone(clock.getZone()).toLocalDate().format(DAY);
        Case c = about.caseFile();
        if (c == null) {
            withoutCase(about, task, agency, event, step, due);
            return;
        }
        String link = "/cases/" + c.getCode();
        switch (event.threshold()) {
            case WARNING -> {
                if (alreadyOverdue(c, task, step, event)) {
                    return; // an "at risk" notice for a step already late would only confuse: its breach follows
                }
                timeline.add(
                        c.getId(),
                        null,
                        "SLA_AT_RISK",
                        Text.of("timeline.slaAtRisk", task.title()),
                        List.of(Timeline.Detail.of("timeline.label.due", due)),
                        "task",
                        task.id());
                audit.record("SLA_AT_RISK", c.getId(), c.getCode(), "task", task.id(), Map.of("due", due));
                Set<String> to = new LinkedHashSet<>();
                if (task.assignee() != null) {
                    to.add(task.assignee());
                } else {
                    to.addAll(directory.usernamesCovering(agency, Role.OFFICER, c.getAreaPath()));
                }
                notifier.notify(
                        to,
                        Notification.Kind.AT_RISK,
                        c.getId(),
                        c.getCode(),
                        Text.of("notice.atRisk", c.getCode(), task.title(), due),
                        link);
            }
            case BREACH -> raise(about, task, agency, event, step, due);
            case STATUTORY -> {
                timeline.add(
                        c.getId(),
                        null,
                        "SLA_STATUTORY",
                        Text.of("timeline.slaStatutory", task.title()),
                        List.of(),
                        "task",
                        task.id());
                audit.record("SLA_STATUTORY_BREACHED", c.getId(), c.getCode(), "task", task.id(), Map.of());
                hotspots.onStatutoryBreach(c.getId(), task.name());
                Set<String> to = new LinkedHashSet<>(
                        directory.usernamesCovering(c.getLeadAgency(), Role.SUPERVISOR, c.getAreaPath()));
                to.addAll(directory.usernamesCovering(agency, Role.SUPERVISOR, c.getAreaPath()));
                notifier.notify(
                        to,
                        Notification.Kind.STATUTORY_BREACH,
                        c.getId(),
                        c.getCode(),
                        Text.of("notice.statutoryBreach", c.getCode(), task.title()),
                        link);
            }
        }
    }

    /**
     * A task without a case (a unit's report round, a request about a unit): its officers are warned at 75%, and
     * its agency's supervisors covering the subject's area get an escalation once it is overdue. Such a task has no
     * statutory limit and no case timeline; its notices lead to the task.
     */
    private void withoutCase(
            Watched about, TaskSnapshot task, String agency, SlaThresholdReached event, LegalStep step, String due) {
        switch (event.threshold()) {
            case WARNING -> {
                LocalDate today = event.at().atZone(clock.getZone()).toLocalDate();
                if (task.due() != null
                        && task.due().atZone(clock.getZone()).toLocalDate().isBefore(today)) {
                    return;
                }
                audit.record(
                        "SLA_AT_RISK",
                        null,
                        about.reference(),
                        "task",
                        task.id(),
                        Map.of("due", due, "subject", task.businessKey()));
                Set<String> to = new LinkedHashSet<>();
                if (task.assignee() != null) {
                    to.add(task.assignee());
                } else {
                    to.addAll(directory.usernamesCovering(agency, Role.OFFICER, about.areaPath()));
                }
                notifier.notify(
                        to,
                        Notification.Kind.AT_RISK,
                        null,
                        about.reference(),
                        Text.of("notice.atRisk", about.reference(), task.title(), due),
                        "/tasks/" + task.id());
            }
            case BREACH -> raise(about, task, agency, event, step, due);
            case STATUTORY -> {
                // no statutory limit applies to a task without a case
            }
        }
    }

    /** Whether the task is past its due day already when its warning fires (a moved deadline, a late start). */
    private boolean alreadyOverdue(Case c, TaskSnapshot task, LegalStep step, SlaThresholdReached event) {
        LocalDate today = event.at().atZone(clock.getZone()).toLocalDate();
        if (task.due() != null
                && task.due().atZone(clock.getZone()).toLocalDate().isBefore(today)) {
            return true;
        }
        if (step == null) {
            return false;
        }
        // the dates kept beside the case when its current clock runs in this step: no clock to compute per warning
        var keptNow = kept.running(c.getId(), step);
        if (keptNow.isPresent()) {
            return keptNow.get().getDueOn() != null && keptNow.get().getDueOn().isBefore(clocks.today());
        }
        return clocks.step(c, step)
                .map(s -> s.standing().state() == LegalRules.State.BREACHED)
                .orElse(false);
    }

    private void raise(
            Watched about, TaskSnapshot task, String agency, SlaThresholdReached event, LegalStep step, String due) {
        if (escalations.findByWatchedTaskId(task.id()).isPresent()) {
            return;
        }
        Case c = about.caseFile();
        Escalation escalation = escalations.save(new Escalation(
                        about.caseId(), task.id(), task.key(), task.name(), task.nameEn(), step, agency, event.at())
                .about(c == null ? task.businessKey() : null));
        LocalDate statutory = step == null || c == null
                ? null
                : kept.running(c.getId(), step)
                        .map(KeptClock::getStatutoryDueOn)
                        .or(() -> clocks.step(c, step).map(s -> s.deadline().statutoryDue()))
                        .orElse(null);
        escalation.started(ladder.startEscalation(escalation.getId(), task, agency, due, statutory));
        if (c != null) {
            timeline.add(
                    c.getId(),
                    null,
                    "SLA_BREACHED",
                    Text.of("timeline.slaBreached", task.title()),
                    List.of(Timeline.Detail.of("timeline.label.due", due)),
                    "escalation",
                    escalation.getId().toString());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("task", task.key());
        details.put("agency", agency);
        details.put("due", due);
        if (c == null) {
            details.put("subject", task.businessKey());
        }
        audit.record(
                "SLA_ESCALATED",
                about.caseId(),
                about.reference(),
                "escalation",
                escalation.getId().toString(),
                details);
        List<String> supervisors = directory.usernamesCovering(agency, Role.SUPERVISOR, about.areaPath());
        Text notice = Text.of("notice.breached", about.reference(), task.title(), due);
        notifier.notify(
                supervisors,
                Notification.Kind.BREACHED,
                about.caseId(),
                about.reference(),
                notice,
                "/escalations/" + escalation.getId());
        if (task.assignee() != null && !supervisors.contains(task.assignee())) {
            // the officer has no escalation page: the notice leads to the case (or to the task without one)
            notifier.notify(
                    List.of(task.assignee()),
                    Notification.Kind.BREACHED,
                    about.caseId(),
                    about.reference(),
                    notice,
                    c == null ? "/tasks/" + task.id() : about.link());
        }
    }

    @EventListener
    void on(TaskOpened event) {
        TaskSnapshot task = event.task();
        if (SlaEscalation.isHandlingTask(task.key())
                && task.context().get(SlaEscalation.VAR_ESCALATION_ID) instanceof Number id) {
            escalations.findById(id.longValue()).ifPresent(escalation -> {
                int level = SlaEscalation.TASK_HANDLE_PROVINCIAL.equals(task.key()) ? 2 : 1;
                boolean again = escalation.getTaskId() != null;
                escalation.taskOpened(task.id(), task.due(), level);
                Watched about = watched.of(escalation.getCaseId(), escalation.getSubjectKey())
                        .orElse(null);
                if (about == null || !again) {
                    return; // the first round's supervisors were notified with the breach
                }
                Case c = about.caseFile();
                List<String> to =
                        directory.usernamesCovering(escalation.getAgency(), Role.SUPERVISOR, about.areaPath()).stream()
                                .filter(u -> level == 1
                                        || directory
                                                .find(u)
                                                .map(x -> x.isTopLevel())
                                                .orElse(false))
                                .toList();
                audit.record(
                        "ESCALATION_LEVEL_" + level,
                        about.caseId(),
                        about.reference(),
                        "escalation",
                        escalation.getId().toString(),
                        Map.of("round", escalation.getRounds()));
                if (c != null) {
                    timeline.add(
                            c.getId(),
                            null,
                            "ESCALATION",
                            Text.of(
                                    level == 2 ? "timeline.escalation2" : "timeline.escalation1",
                                    escalation.watchedTaskTitle()),
                            List.of(),
                            "escalation",
                            escalation.getId().toString());
                }
                notifier.notify(
                        to,
                        Notification.Kind.ESCALATION,
                        about.caseId(),
                        about.reference(),
                        Text.of(
                                level == 2 ? "notice.escalation2" : "notice.escalation1",
                                about.reference(),
                                escalation.watchedTaskTitle()),
                        "/escalations/" + escalation.getId());
            });
        } else if (CaseHandling.TASK_HOTSPOT.equals(task.key()) || LegacyAgencySteps.isHotspotTask(task.key())) {
            caseFiles
                    .byId(task.caseId())
                    .ifPresent(c -> notifier.notify(
                            directory.usernamesCovering(
                                    agencyOf(task, c.getLeadAgency()), Role.SUPERVISOR, c.getAreaPath()),
                            Notification.Kind.HOTSPOT,
                            c.getId(),
                            c.getCode(),
                            Text.of("notice.hotspot", c.getCode()),
                            "/tasks/" + task.id()));
        }
    }

    @EventListener
    void on(TaskClosed event) {
        TaskSnapshot task = event.task();
        if (SlaEscalation.isHandlingTask(task.key())) {
            if (event.completed() && task.context().get(SlaEscalation.VAR_ESCALATION_ID) instanceof Number id) {
                escalations.findById(id.longValue()).ifPresent(escalation -> decide(escalation, event));
            }
            return;
        }
        escalations.findByWatchedTaskId(task.id()).ifPresent(Escalation::stepDone);
    }

    /** Applies a supervisor's decision (already checked by {@link EscalationCheck}). */
    private void decide(Escalation escalation, TaskClosed event) {
        String action = event.text(SlaEscalation.VAR_ACTION);
        String by = event.completedBy();
        Watched about =
                watched.of(escalation.getCaseId(), escalation.getSubjectKey()).orElseThrow();
        Case c = about.caseFile();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("action", action);
        if (SlaEscalation.ACTION_EXTEND.equals(action) && c == null) {
            // no legal limit and no case to keep a decision with: the task's new due date, recorded in the audit
            TaskSnapshot watchedTask =
                    workflow.task(escalation.getWatchedTaskId()).orElse(null);
            LocalDate newDue = FormValues.engineDate(
                    event.value(SlaEscalation.FIELD_NEW_DEADLINE).orElse(null));
            workflow.setDueDate(
                    escalation.getWatchedTaskId(),
                    newDue.atTime(23, 59, 59).atZone(clock.getZone()).toInstant());
            details.put("decisionNumber", event.text(SlaEscalation.FIELD_DECISION_NUMBER));
            details.put(
                    "previousDue",
                    watchedTask == null || watchedTask.due() == null
                            ? ""
                            : watchedTask
                                    .due()
                                    .atZone(clock.getZone())
                                    .toLocalDate()
                                    .toString());
            details.put("newDue", newDue.toString());
            details.put("legalExtension", false);
        } else if (SlaEscalation.ACTION_EXTEND.equals(action)) {
            TaskSnapshot watched = workflow.task(escalation.getWatchedTaskId()).orElse(null);
            var limits = policy.limits(c, escalation.getLegalStep(), watched);
            LocalDate newDue = FormValues.engineDate(
                    event.value(SlaEscalation.FIELD_NEW_DEADLINE).orElse(null));
            LocalDate decisionDate = FormValues.engineDate(
                    event.value(SlaEscalation.FIELD_DECISION_DATE).orElse(null));
            boolean legal = limits.wouldBeLegal(newDue);
            DeadlineExtension extension = extensions.save(new DeadlineExtension(
                    c.getId(),
                    limits.legalStep(),
                    escalation.getWatchedTaskId(),
                    escalation.getId(),
                    event.text(SlaEscalation.FIELD_DECISION_NUMBER),
                    decisionDate,
                    event.text(SlaEscalation.FIELD_NOTE),
                    limits.currentDue(),
                    newDue,
                    limits.statutory(),
                    legal ? newDue : limits.statutory(),
                    legal,
                    by,
                    clock.instant()));
            extensions.flush();
            if (limits.legalStep() == null) {
                workflow.setDueDate(
                        escalation.getWatchedTaskId(),
                        newDue.atTime(23, 59, 59).atZone(clock.getZone()).toInstant());
            } else {
                ladder.reschedule(c.getId());
            }
            details.put("decisionNumber", extension.getDecisionNo());
            details.put("previousDue", limits.currentDue().toString());
            details.put("newDue", newDue.toString());
            details.put("legalExtension", legal);
        } else if (SlaEscalation.ACTION_REASSIGN.equals(action)) {
            String officer = event.text(SlaEscalation.FIELD_REASSIGN_TO).strip();
            workflow.assign(escalation.getWatchedTaskId(), officer);
            details.put("reassignTo", officer);
        } else if (SlaEscalation.ACTION_MEETING.equals(action)) {
            details.put(
                    "meetingDate",
                    String.valueOf(FormValues.engineDate(
                            event.value(SlaEscalation.FIELD_MEETING_DATE).orElse(null))));
        }
        escalation.handled(action, by, clock.instant(), event.text(SlaEscalation.FIELD_NOTE));
        audit.record(
                "ESCALATION_" + action,
                about.caseId(),
                about.reference(),
                "escalation",
                escalation.getId().toString(),
                details);
    }

    /** The agency whose task it is: the agency of its first candidate group, else the lead agency. */
    static String agencyOf(TaskSnapshot task, String leadAgency) {
        return task.candidateGroups().stream()
                .map(CandidateGroup::parse)
                .flatMap(Optional::stream)
                .map(CandidateGroup::agency)
                .findFirst()
                .orElse(leadAgency);
    }
}
