package vn.tandem.sla;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import vn.tandem.common.Text;

/**
 * An overdue task's escalation: raised when the task breaches its deadline, handled by the agency's supervisors
 * (level 1) or, when they do not act in time, its provincial supervisors (level 2). One per task; an extension
 * that runs out raises it again (another round).
 */
@Entity
@Table(name = "escalation")
public class Escalation {

    /** OPEN while a supervisor's task waits; HANDLED after an action; STEP_DONE once the overdue task is done. */
    public enum Status {
        OPEN,
        HANDLED,
        STEP_DONE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long caseId;

    /** The business key of the process of a task without a case (a report round, a request about a unit). */
    private String subjectKey;

    private String watchedTaskId;
    private String watchedTaskKey;
    private String watchedTaskName;
    private String watchedTaskNameEn;

    @Enumerated(EnumType.STRING)
    private LegalStep legalStep;

    private String agency;

    @Column(name = "level_no")
    private int level;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String taskId;
    private Instant taskDue;
    private String processInstanceId;
    private Instant raisedAt;
    private String action;
    private String handledBy;
    private Instant handledAt;
    private String note;
    private int rounds;

    @Version
    private long version;

    protected Escalation() {}

    Escalation(
            Long caseId,
            String watchedTaskId,
            String watchedTaskKey,
            String watchedTaskName,
            String watchedTaskNameEn,
            LegalStep legalStep,
            String agency,
            Instant raisedAt) {
        this.caseId = caseId;
        this.watchedTaskId = watchedTaskId;
        this.watchedTaskKey = watchedTaskKey;
        this.watchedTaskName = watchedTaskName;
        this.watchedTaskNameEn = watchedTaskNameEn;
        this.legalStep = legalStep;
        this.agency = agency;
        this.raisedAt = raisedAt;
        this.level = 1;
        this.rounds = 1;
        this.status = Status.OPEN;
    }

    /** An escalation of a task without a case: the subject's business key instead of a case. */
    Escalation about(String subjectKey) {
        this.subjectKey = subjectKey;
        return this;
    }

    public String getSubjectKey() {
        return subjectKey;
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** A supervisor's task opened for it (level 1, level 2, or level 1 again after an extension ran out). */
    void taskOpened(String taskId, Instant due, int level) {
        if (this.taskId != null && this.status != Status.OPEN && level == 1) {
            this.rounds++;
        }
        this.taskId = taskId;
        this.taskDue = due;
        this.level = level;
        this.status = Status.OPEN;
    }

    void handled(String action, String by, Instant at, String note) {
        this.action = action;
        this.handledBy = by;
        this.handledAt = at;
        this.note = note;
        this.status = Status.HANDLED;
    }

    void stepDone() {
        if (status == Status.OPEN) {
            status = Status.STEP_DONE;
        }
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public Long getId() {
        return id;
    }

    public Long getCaseId() {
        return caseId;
    }

    public String getWatchedTaskId() {
        return watchedTaskId;
    }

    public String getWatchedTaskKey() {
        return watchedTaskKey;
    }

    public String getWatchedTaskName() {
        return watchedTaskName;
    }

    /** The overdue step's name in the reader's language, for stored words. */
    public Text watchedTaskTitle() {
        return Text.bilingual(watchedTaskName, watchedTaskNameEn);
    }

    /** The overdue step's name in English, or null when its model gives none. */
    public String getWatchedTaskNameEn() {
        return watchedTaskNameEn;
    }

    public LegalStep getLegalStep() {
        return legalStep;
    }

    public String getAgency() {
        return agency;
    }

    public int getLevel() {
        return level;
    }

    public Status getStatus() {
        return status;
    }

    public String getTaskId() {
        return taskId;
    }

    public Instant getTaskDue() {
        return taskDue;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getRaisedAt() {
        return raisedAt;
    }

    public String getAction() {
        return action;
    }

    public String getHandledBy() {
        return handledBy;
    }

    public Instant getHandledAt() {
        return handledAt;
    }

    public String getNote() {
        return note;
    }

    public int getRounds() {
        return rounds;
    }
}
