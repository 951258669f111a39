package vn.tandem.sla;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.tandem.casefile.Case;
import vn.tandem.common.FieldProblem;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Role;
import vn.tandem.process.SlaEscalation;
import vn.tandem.process.TaskSnapshot;
import vn.tandem.process.TaskSubmissionCheck;
import vn.tandem.process.Workflow;

/**
 * Checks a supervisor's escalation decision before the task completes, whichever way it is submitted (inbox form,
 * escalation page, API): an extension within the legal cap, a reassignment to an officer who may work the
 * overdue task, a meeting not in the past.
 */
@Component
class EscalationCheck implements TaskSubmissionCheck {

    private final Escalations escalations;
    private final WatchedSubjects watched;
    private final ExtensionPolicy policy;
    private final Workflow workflow;
    private final Directory directory;
    private final CaseClocks clocks;

    EscalationCheck(
            Escalations escalations,
            WatchedSubjects watched,
            ExtensionPolicy policy,
            Workflow workflow,
            Directory directory,
            CaseClocks clocks) {
        this.escalations = escalations;
        this.watched = watched;
        this.policy = policy;
        this.workflow = workflow;
        this.directory = directory;
        this.clocks = clocks;
    }

    @Override
    public void check(TaskSnapshot task, Map<String, Object> values, List<FieldProblem> problems) {
        if (!SlaEscalation.isHandlingTask(task.key())
                || !(task.context().get(SlaEscalation.VAR_ESCALATION_ID) instanceof Number id)) {
            return;
        }
        Escalation escalation = escalations.findById(id.longValue()).orElse(null);
        Watched about = escalation == null
                ? null
                : watched.of(escalation.getCaseId(), escalation.getSubjectKey()).orElse(null);
        if (about == null) {
            return;
        }
        Case c = about.caseFile();
        LocalDate today = clocks.today();
        TaskSnapshot watched = workflow.task(escalation.getWatchedTaskId()).orElse(null);
        Object action = values.get(SlaEscalation.VAR_ACTION);
        if (SlaEscalation.ACTION_EXTEND.equals(action)) {
            ExtensionPolicy.check(
                    policy.limits(c, escalation.getLegalStep(), watched),
                    (LocalDate) values.get(SlaEscalation.FIELD_NEW_DEADLINE),
                    (LocalDate) values.get(SlaEscalation.FIELD_DECISION_DATE),
                    today,
                    problems);
        } else if (SlaEscalation.ACTION_REASSIGN.equals(action)
                && values.get(SlaEscalation.FIELD_REASSIGN_TO) != null) {
            String username =
                    values.get(SlaEscalation.FIELD_REASSIGN_TO).toString().strip();
            CurrentUser officer = directory.find(username).orElse(null);
            if (officer == null
                    || watched == null
                    || !officer.has(Role.OFFICER)
                    || !watched.isCandidate(username, officer.groups())
                    || !officer.coversArea(about.areaPath())) {
                problems.add(
                        new FieldProblem(SlaEscalation.FIELD_REASSIGN_TO, "escalation.reassignNotCandidate", username));
            } else if (username.equals(watched.assignee())) {
                problems.add(new FieldProblem(SlaEscalation.FIELD_REASSIGN_TO, "escalation.reassignSame", username));
            }
        } else if (SlaEscalation.ACTION_MEETING.equals(action)
                && values.get(SlaEscalation.FIELD_MEETING_DATE) instanceof LocalDate day
                && day.isBefore(today)) {
            problems.add(new FieldProblem(SlaEscalation.FIELD_MEETING_DATE, "validation.future"));
        }
    }
}
