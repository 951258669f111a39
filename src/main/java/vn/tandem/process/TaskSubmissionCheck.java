package vn.tandem.process;

import java.util.List;
import java.util.Map;
import vn.tandem.common.FieldProblem;

/**
 * A business check another module adds to task completion (e.g. "the case to merge into exists"). Runs after the
 * form's own constraints; each problem is reported against its field with a 400.
 */
public interface TaskSubmissionCheck {

    void check(TaskSnapshot task, Map<String, Object> values, List<FieldProblem> problems);
}
