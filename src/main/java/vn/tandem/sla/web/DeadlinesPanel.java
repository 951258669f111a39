package vn.tandem.sla.web;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseStatus;
import vn.tandem.casefile.Complexity;
import vn.tandem.identity.CurrentUser;
import vn.tandem.process.CaseHandling;
import vn.tandem.process.TaskSnapshot;
import vn.tandem.process.Workflow;
import vn.tandem.sla.CaseClocks;
import vn.tandem.sla.CaseComplexity;
import vn.tandem.sla.ComplexityDecision;
import vn.tandem.sla.LegalRules;
import vn.tandem.sla.LegalStep;

/**
 * The legal deadlines of a case as the case page and the task page show them (templates call it as
 * {@code @deadlinesPanel}): each deadline with its basis, state and days left, the complexity decisions, the
 * filing-window warning at acceptance, and the next monitoring check of a monitored case.
 */
@Component("deadlinesPanel")
class DeadlinesPanel {

    /** One deadline row. {@code daysLeft} counts in the rule's unit; negative when late. */
    record Row(
            LegalStep step,
            LegalStep.Kind kind,
            CaseClocks.Phase phase,
            String rule,
            int version,
            String legalBasis,
            String unit,
            LocalDate start,
            LocalDate statutoryDue,
            LocalDate targetDue,
            LocalDate due,
            LegalRules.State state,
            boolean statutoryBreached,
            int daysLeft,
            LocalDate end) {

        static Row of(CaseClocks.StepClock s) {
            var rule = s.deadline().rule();
            return new Row(
                    s.step(),
                    s.step().kind(),
                    s.phase(),
                    rule.getCode(),
                    rule.getVersion(),
                    rule.getLegalBasis(),
                    rule.getUnit().name(),
                    s.deadline().start(),
                    s.deadline().statutoryDue(),
                    s.deadline().targetDue(),
                    s.deadline().due(),
                    s.standing().state(),
                    s.standing().statutoryBreached(),
                    s.standing().left(),
                    s.end());
        }

        public boolean running() {
            return phase == CaseClocks.Phase.CURRENT || phase == CaseClocks.Phase.RUNNING;
        }
    }

    /**
     * Everything the panel shows. {@code filingWindowPassed}: a complaint received after its filing window closed
     * (a ground to refuse it that the accepting officer decides on).
     */
    record View(
            String caseCode,
            List<Row> rows,
            Complexity complexity,
            boolean mayDecideComplexity,
            List<ComplexityDecision> decisions,
            Row filingWindow,
            boolean filingWindowPassed,
            LocalDate nextMonitoringCheck,
            boolean monitoringCheckOpen) {

        public List<Row> running() {
            return rows.stream().filter(Row::running).toList();
        }

        public List<Complexity> levels() {
            return List.of(Complexity.values());
        }
    }

    private final CaseClocks clocks;
    private final CaseComplexity complexity;
    private final Workflow workflow;

    DeadlinesPanel(CaseClocks clocks, CaseComplexity complexity, Workflow workflow) {
        this.clocks = clocks;
        this.complexity = complexity;
        this.workflow = workflow;
    }

    @Transactional(readOnly = true)
    public View of(Case c, CurrentUser user) {
        List<Row> rows = clocks.of(c).stream().map(Row::of).toList();
        Row filing = rows.stream()
                .filter(r -> r.step() == LegalStep.FILING_WINDOW)
                .findFirst()
                .orElse(null);
        LocalDate nextCheck = null;
        boolean checkOpen = false;
        if (c.getStatus() == CaseStatus.MONITORING) {
            List<TaskSnapshot> open = workflow.openTasks(Long.toString(c.getId())).stream()
                    .filter(t -> CaseHandling.TASK_MONITORING_CHECK.equals(t.key())
                            || CaseHandling.TASK_FINAL_MONITORING_CHECK.equals(t.key()))
                    .toList();
            checkOpen = !open.isEmpty();
            // an open check is due now: its due day; otherwise the day the monitoring timer fires
            nextCheck = checkOpen
                    ? (open.get(0).due() != null
                                    ? open.get(0).due()
                                    : open.get(0).created())
                            .atZone(clocks.zone())
                            .toLocalDate()
                    : workflow.nextTimer(c.getId(), CaseHandling.EVENT_MONITORING_DUE)
                            .map(at -> at.atZone(clocks.zone()).toLocalDate())
                            .orElse(null);
        }
        return new View(
                c.getCode(),
                rows,
                c.getComplexity(),
                c.getStatus() == CaseStatus.IN_PROGRESS && CaseComplexity.mayDecide(user, c),
                complexity.decisionsOf(c.getId()),
                filing,
                filing != null && filing.statutoryBreached(),
                nextCheck,
                checkOpen);
    }
}
