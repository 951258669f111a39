package vn.tandem.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseDocuments;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.casefile.CaseVisibility;
import vn.tandem.common.ForbiddenException;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;
import vn.tandem.identity.CandidateGroup;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Role;
import vn.tandem.process.TaskForm;
import vn.tandem.process.TaskSnapshot;
import vn.tandem.process.Workflow;

/**
 * What a user may do with a task, checked in one place for pages and API alike: a task of a case the user may not
 * see is 404; a visible task the user is not a candidate for is 403; then the engine rules of {@link Workflow}
 * (409 for ended or claimed tasks, 400 for invalid fields). Every action writes one audit entry.
 */
@Service
@Transactional
public class TaskActions {

    private final Workflow workflow;
    private final CaseFiles caseFiles;
    private final List<TaskSubjects> subjects;
    private final Directory directory;
    private final AuditLog audit;
    private final CaseDocuments documents;
    private final Clock clock;

    TaskActions(
            Workflow workflow,
            CaseFiles caseFiles,
            Directory directory,
            AuditLog audit,
            CaseDocuments documents,
            Clock clock,
            List<TaskSubjects> subjects) {
        this.subjects = subjects;
        this.documents = documents;
        this.clock = clock;
        this.workflow = workflow;
        this.caseFiles = caseFiles;
        this.directory = directory;
        this.audit = audit;
    }

    /**
     * A task and its case, as seen by a user allowed to see the case; or, for a task without a case (an information
     * request about a unit), its subject, as seen by a user allowed to see that.
     */
    public record VisibleTask(TaskSnapshot task, Case caseFile, TaskSubject subject) {

        public VisibleTask(TaskSnapshot task, Case caseFile) {
            this(task, caseFile, null);
        }

        /** The agency that leads what the task is about. */
        String leadAgency() {
            return caseFile != null ? caseFile.getLeadAgency() : subject.leadAgency();
        }

        boolean visibleTo(CurrentUser user) {
            return caseFile != null ? CaseVisibility.canSee(user, caseFile) : subject.visibleTo(user);
        }
    }

    @Transactional(readOnly = true)
    public VisibleTask visible(String taskId, CurrentUser user) {
        TaskSnapshot task = workflow.openTask(taskId);
        VisibleTask v;
        if (task.caseId() != null) {
            Case c = caseFiles.byId(task.caseId()).orElse(null);
            v = c == null ? null : new VisibleTask(task, c);
        } else {
            v = subjects.stream()
                    .map(s -> s.subject(task.businessKey()))
                    .flatMap(Optional::stream)
                    .findFirst()
                    .map(subject -> new VisibleTask(task, null, subject))
                    .orElse(null);
        }
        if (v == null || !v.visibleTo(user)) {
            throw new NotFoundException("task.notFound");
        }
        return v;
    }

    @Transactional(readOnly = true)
    public TaskForm form(String taskId, CurrentUser user) {
        return form(visible(taskId, user));
    }

    /** The form of a task the request has already read and checked. */
    @Transactional(readOnly = true)
    public TaskForm form(VisibleTask visible) {
        return workflow.form(visible.task());
    }

    public boolean mayWork(TaskSnapshot task, CurrentUser user) {
        return task.isCandidate(user.username(), user.groups());
    }

    public boolean mayReassign(VisibleTask visible, CurrentUser user) {
        return user.isAdmin()
                || (user.isSupervisor() && user.agency().equals(visible.leadAgency()))
                || (user.isSupervisor()
                        && visible.task().candidateGroups().stream()
                                .map(CandidateGroup::parse)
                                .flatMap(Optional::stream)
                                .anyMatch(g -> g.agency().equals(user.agency())));
    }

    public void claim(String taskId, CurrentUser user) {
        VisibleTask v = visible(taskId, user);
        if (!mayWork(v.task(), user)) {
            throw new ForbiddenException("task.notCandidate");
        }
        workflow.claim(v.task(), user.username());
        audit("TASK_CLAIMED", v, Map.of("assignee", user.username()));
    }

    public void unclaim(String taskId, CurrentUser user) {
        VisibleTask v = visible(taskId, user);
        if (!user.username().equals(v.task().assignee()) && !mayReassign(v, user)) {
            throw new ForbiddenException("task.notAssignee");
        }
        workflow.unclaim(v.task());
        audit(
                "TASK_UNCLAIMED",
                v,
                Map.of("previousAssignee", String.valueOf(v.task().assignee())));
    }

    public void assign(String taskId, String userId, CurrentUser user) {
        VisibleTask v = visible(taskId, user);
        if (!mayReassign(v, user)) {
            throw new ForbiddenException("task.assign.forbidden");
        }
        CurrentUser target = userId == null ? null : directory.find(userId).orElse(null);
        if (target == null || !v.task().isCandidate(target.username(), target.groups()) || !v.visibleTo(target)) {
            throw new InvalidInputException("userId", "validation.assignee");
        }
        workflow.assign(v.task(), target.username());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("previousAssignee", v.task().assignee());
        details.put("assignee", target.username());
        audit("TASK_ASSIGNED", v, details);
    }

    /**
     * Sets aside a task until a day (null: follow it up now): until that day the default inbox views leave it out.
     * Whoever may work the task or reassign it may set it; a day in the past is refused.
     */
    public void followUp(String taskId, LocalDate day, CurrentUser user) {
        VisibleTask v = visible(taskId, user);
        if (!mayWork(v.task(), user) && !mayReassign(v, user)) {
            throw new ForbiddenException("task.notCandidate");
        }
        ZoneId zone = clock.getZone();
        if (day != null && day.isBefore(LocalDate.now(clock.withZone(zone)))) {
            throw new InvalidInputException("followUp", "task.followUp.past");
        }
        workflow.followUp(v.task(), day == null ? null : day.atStartOfDay(zone).toInstant());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("followUp", day == null ? null : day.toString());
        audit("TASK_FOLLOW_UP", v, details);
    }

    /**
     * Whom a supervisor may hand tasks to from the inbox: the officers of the supervisor's agency in the
     * supervisor's area (every officer for an administrator), by name. Each assignment is still checked per task.
     */
    @Transactional(readOnly = true)
    public List<CurrentUser> assigneesFor(CurrentUser user) {
        List<CurrentUser> people = new ArrayList<>();
        if (user.isAdmin()) {
            directory.agencies().forEach(a -> people.addAll(directory.usersOf(a.getCode(), Role.OFFICER)));
        } else if (user.isSupervisor()) {
            directory.usersOf(user.agency(), Role.OFFICER).stream()
                    .filter(u -> u.areaPath() != null && u.areaPath().startsWith(user.areaPath()))
                    .forEach(people::add);
        }
        people.sort(Comparator.comparing(CurrentUser::fullName, Comparator.nullsLast(Comparator.naturalOrder())));
        return people;
    }

    public void complete(String taskId, Map<String, ?> values, CurrentUser user) {
        complete(taskId, values, null, user);
    }

    /** A document sent with a task's completion (the answer to an information request carries one). */
    public record Upload(String fileName, InputStream content) {}

    /**
     * Completes the task; an upload is stored with the case in the same transaction (refused input keeps both
     * undone).
     */
    public VisibleTask complete(String taskId, Map<String, ?> values, Upload upload, CurrentUser user) {
        VisibleTask v = visible(taskId, user);
        if (!mayWork(v.task(), user)) {
            throw new ForbiddenException("task.notCandidate");
        }
        if (upload != null) {
            try {
                if (v.caseFile() != null) {
                    documents.attachWithTask(v.caseFile(), upload.fileName(), upload.content(), user);
                } else {
                    for (TaskSubjects s : subjects) {
                        if (s.subject(v.task().businessKey()).isPresent()) {
                            s.attach(v.task().businessKey(), upload.fileName(), upload.content(), user);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        workflow.complete(v.task(), user.username(), values);
        audit("TASK_COMPLETED", v, Map.of("fields", List.copyOf(values.keySet())));
        return v;
    }

    /** The user's next open task on the case (assigned to them first, then offered to their groups), if any. */
    @Transactional(readOnly = true)
    public Optional<TaskSnapshot> nextOnCase(long caseId, CurrentUser user) {
        return workflow.openTasks(Long.toString(caseId)).stream()
                .filter(t -> mayWork(t, user))
                .min(Comparator.comparing((TaskSnapshot t) -> !user.username().equals(t.assignee()))
                        .thenComparing(t -> t.due() == null ? Instant.MAX : t.due()));
    }

    /** The users a supervisor may hand the task to: members of its candidate groups who may see the case. */
    @Transactional(readOnly = true)
    public List<CurrentUser> possibleAssignees(VisibleTask v) {
        return directory.agencies().stream()
                .flatMap(a -> Arrays.stream(Role.values())
                        .filter(r -> v.task().candidateGroups().contains(r.groupOf(a.getCode())))
                        .flatMap(r -> directory.usersOf(a.getCode(), r).stream()))
                .filter(v::visibleTo)
                .distinct()
                .toList();
    }

    private void audit(String action, VisibleTask v, Map<String, ?> details) {
        Map<String, Object> all = new LinkedHashMap<>(details);
        all.put("taskKey", v.task().key());
        if (v.caseFile() == null) {
            all.put("subject", v.subject().reference());
        }
        audit.record(
                action,
                v.caseFile() == null ? null : v.caseFile().getId(),
                v.caseFile() == null ? null : v.caseFile().getCode(),
                "task",
                v.task().id(),
                all);
    }
}
