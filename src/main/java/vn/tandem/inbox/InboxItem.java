package vn.tandem.inbox;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.tandem.casefile.CaseSummary;
import vn.tandem.common.Folding;
import vn.tandem.process.TaskSnapshot;

/** One open task in the inbox read model. */
@Entity
@Table(name = "inbox_item")
public class InboxItem {

    @Id
    private String taskId;

    private String taskKey;
    private String taskName;
    private String taskNameEn;

    /** Case code, case title and step folded for search ({@link Folding}). */
    private String searchText;

    private int priority;
    private String processKey;
    private String processInstanceId;
    private Long caseId;
    private String caseCode;
    private String caseTitle;
    private String caseType;
    private Long unitId;
    private String areaPath;
    private String leadAgency;
    private String agencies;
    private String assignee;
    private Instant dueAt;
    private Instant createdAt;
    private Instant followUp;

    /** The page of a subject that is not a case (null for a case's task). */
    private String subjectLink;

    /**
     * The candidate groups again as {@code |group|group|}, so "a group of mine" is a test on the row the page walks
     * instead of a correlated subquery per row (docs/benchmarks.md, issue 12).
     */
    @Column(name = "candidate_groups")
    private String groupList;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "inbox_candidate", joinColumns = @JoinColumn(name = "task_id"))
    @Column(name = "group_id")
    private Set<String> candidateGroups = new HashSet<>();

    protected InboxItem() {}

    InboxItem(String taskId) {
        this.taskId = taskId;
    }

    void apply(TaskSnapshot task, CaseSummary summary) {
        applyTask(task);
        apply(summary);
    }

    /** A task about something other than a case (the subject stands where the case would). */
    void apply(TaskSnapshot task, TaskSubject subject) {
        applyTask(task);
        caseId = null;
        caseCode = subject.reference();
        caseTitle = subject.title();
        caseType = subject.kind();
        unitId = subject.unitId();
        areaPath = subject.areaPath();
        leadAgency = subject.leadAgency();
        agencies = encodeAgencies(subject.agencies());
        subjectLink = subject.link();
        searchText = Folding.fold(1000, caseCode, caseTitle, taskName, taskNameEn);
    }

    private void applyTask(TaskSnapshot task) {
        taskKey = task.key();
        taskName = task.name();
        taskNameEn = task.nameEn();
        priority = task.priority();
        processKey = task.processKey();
        processInstanceId = task.processInstanceId();
        assignee = task.assignee();
        dueAt = task.due();
        createdAt = task.created();
        followUp = task.followUp();
        candidateGroups.clear();
        candidateGroups.addAll(task.candidateGroups());
        groupList = task.candidateGroups().isEmpty()
                ? null
                : "|"
                        + String.join(
                                "|", task.candidateGroups().stream().sorted().toList()) + "|";
    }

    void apply(CaseSummary summary) {
        caseId = summary.id();
        caseCode = summary.code();
        caseTitle = summary.title();
        caseType = summary.type().name();
        unitId = summary.unitId();
        areaPath = summary.areaPath();
        leadAgency = summary.leadAgency();
        agencies = encodeAgencies(summary.agencies());
        searchText = Folding.fold(1000, caseCode, caseTitle, taskName, taskNameEn);
    }

    static String encodeAgencies(List<String> agencies) {
        return "|" + String.join("|", agencies) + "|";
    }

    public boolean isOverdue(Instant now) {
        return dueAt != null && dueAt.isBefore(now);
    }

    public boolean isDueSoon(Instant now, int days) {
        return dueAt != null && !isOverdue(now) && dueAt.isBefore(now.plus(Duration.ofDays(days)));
    }

    public String getSubjectLink() {
        return subjectLink;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getTaskKey() {
        return taskKey;
    }

    public String getTaskName() {
        return taskName;
    }

    /** The task's name in English, or null when its model gives none. */
    public String getTaskNameEn() {
        return taskNameEn;
    }

    public int getPriority() {
        return priority;
    }

    /** An urgent task (an urgent information request, a hot spot, an escalation): marked in the inbox. */
    public boolean isUrgent() {
        return priority >= TaskSnapshot.URGENT_PRIORITY;
    }

    public String getProcessKey() {
        return processKey;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getCaseCode() {
        return caseCode;
    }

    public String getCaseTitle() {
        return caseTitle;
    }

    public String getCaseType() {
        return caseType;
    }

    public Long getUnitId() {
        return unitId;
    }

    public String getAreaPath() {
        return areaPath;
    }

    public String getLeadAgency() {
        return leadAgency;
    }

    public String getAgencies() {
        return agencies;
    }

    public String getAssignee() {
        return assignee;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Set<String> getCandidateGroups() {
        return Set.copyOf(candidateGroups);
    }

    /** The day from which the task is to be followed up (null: now); until then the default views leave it out. */
    public Instant getFollowUp() {
        return followUp;
    }

    /** Whether the task is set aside until a later day. */
    public boolean isDeferred(Instant now) {
        return followUp != null && followUp.isAfter(now);
    }
}
