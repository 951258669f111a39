package vn.tandem.casefile;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.tandem.common.FieldProblem;
import vn.tandem.process.IncidentHandling;
import vn.tandem.process.TaskSnapshot;
import vn.tandem.process.TaskSubmissionCheck;

/**
 * An incident's response plan names at least one measure: dialogue, persuasion and communication, presence of
 * forces or legal measures (reported against the first of them).
 */
@Component
class ResponseMeasuresCheck implements TaskSubmissionCheck {

    @Override
    public void check(TaskSnapshot task, Map<String, Object> values, List<FieldProblem> problems) {
        if (!IncidentHandling.TASK_PLAN.equals(task.key())) {
            return;
        }
        boolean any = IncidentHandling.MEASURE_FIELDS.stream()
                .map(values::get)
                .anyMatch(v -> v != null && !v.toString().isBlank());
        if (!any) {
            problems.add(new FieldProblem(IncidentHandling.FIELD_DIALOGUE, "validation.responseMeasures"));
        }
    }
}
