package vn.tandem.situation;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.tandem.common.FieldProblem;
import vn.tandem.process.SituationReportProcess;
import vn.tandem.process.TaskSnapshot;
import vn.tandem.process.TaskSubmissionCheck;

/** A report task completes only with its report: filing the report covering the round's period completes it. */
@Component
class RoundFiledCheck implements TaskSubmissionCheck {

    private final Rounds rounds;

    RoundFiledCheck(Rounds rounds) {
        this.rounds = rounds;
    }

    @Override
    public void check(TaskSnapshot task, Map<String, Object> values, List<FieldProblem> problems) {
        if (!SituationReportProcess.TASK_FILE_REPORT.equals(task.key())) {
            return;
        }
        boolean filed = rounds.byBusinessKey(task.businessKey())
                .map(ReportRound::isFiled)
                .orElse(false);
        if (!filed) {
            problems.add(new FieldProblem("report", "situation.round.fileReport"));
        }
    }
}
