package vn.tandem.process.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.tandem.process.ReportRounds;
import vn.tandem.process.SituationReportProcess;
import vn.tandem.process.TandemClock;

/**
 * The daily run of the situation reports: asks the situation module for the rounds whose period starts today (or
 * was missed while the server was down) and starts a report task for each, under the round's business key. A
 * retried run starts no second task for a round.
 */
@Component("situationRoundsDelegate")
class SituationRoundsDelegate implements JavaDelegate {

    private final ObjectProvider<ReportRounds> rounds;
    private final TandemClock clock;
    private final SlaTimers timers;

    SituationRoundsDelegate(ObjectProvider<ReportRounds> rounds, TandemClock clock, SlaTimers timers) {
        this.rounds = rounds;
        this.clock = clock;
        this.timers = timers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReportRounds source = rounds.getIfAvailable();
        int opened = 0;
        if (source != null) {
            RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
            for (ReportRounds.Round round : source.openDue(LocalDate.now(clock))) {
                boolean running = runtime.createProcessInstanceQuery()
                                .processDefinitionKey(SituationReportProcess.PROCESS_KEY)
                                .processInstanceBusinessKey(round.businessKey())
                                .count()
                        > 0;
                if (running) {
                    continue;
                }
                Map<String, Object> variables = new HashMap<>();
                variables.put(SituationReportProcess.VAR_UNIT_ID, round.unitId());
                variables.put(
                        SituationReportProcess.VAR_PERIOD_FROM,
                        round.periodFrom().toString());
                variables.put(
                        SituationReportProcess.VAR_PERIOD_TO, round.periodTo().toString());
                variables.put(SituationReportProcess.VAR_REPORTER_GROUP, round.reporterGroup());
                variables.put(SituationReportProcess.VAR_DUE_DATE, timers.endOfDay(round.dueOn()));
                runtime.createMessageCorrelation(SituationReportProcess.MESSAGE_ROUND_OPENED)
                        .processInstanceBusinessKey(round.businessKey())
                        .setVariables(variables)
                        .correlateStartMessage();
                opened++;
            }
        }
        execution.setVariable(SituationReportProcess.VAR_ROUNDS_OPENED, opened);
    }
}
