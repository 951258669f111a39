package vn.tandem.casefile;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.tandem.common.FieldProblem;
import vn.tandem.identity.Directory;
import vn.tandem.process.CaseHandling;
import vn.tandem.process.TaskSnapshot;
import vn.tandem.process.TaskSubmissionCheck;

/**
 * Acceptance "merge into a duplicate": the target must be another case the officer may see, with the same lead
 * agency. A case the officer may not see is refused with exactly the message of a case that does not exist, so
 * case codes cannot be probed through this field.
 */
@Component
class MergeTargetCheck implements TaskSubmissionCheck {

    private final Cases cases;

    MergeTargetCheck(Cases cases) {
        this.cases = cases;
    }

    @Override
    public void check(TaskSnapshot task, Map<String, Object> values, List<FieldProblem> problems) {
        if (!CaseHandling.TASK_ACCEPT.equals(task.key())
                || !CaseHandling.DECISION_MERGE.equals(values.get(CaseHandling.FIELD_DECISION))) {
            return;
        }
        Object target = values.get(CaseHandling.FIELD_MERGE_INTO);
        if (target == null) {
            return;
        }
        Case own = cases.findById(task.caseId()).orElseThrow();
        Case other = cases.findByCode(target.toString().strip()).orElse(null);
        boolean visible = other != null
                && Directory.optionalCurrentUser()
                        .map(user -> CaseVisibility.canSee(user, other))
                        .orElse(true);
        if (!visible
                || other.getId().equals(own.getId())
                || !other.getLeadAgency().equals(own.getLeadAgency())) {
            problems.add(new FieldProblem("mergeInto", "validation.mergeTarget"));
        }
    }
}
