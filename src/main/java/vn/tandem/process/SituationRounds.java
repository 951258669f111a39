package vn.tandem.process;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The daily run of {@code bpmn/situation-report.bpmn}, started now (the demo opens the week's rounds at once). */
@Service
public class SituationRounds {

    static final String DAILY_TIMER = "StartEvent_Daily";

    private final ManagementService management;

    SituationRounds(ManagementService management) {
        this.management = management;
    }

    /**
     * Runs the daily timer's job now, in its own transaction as the job executor would; its next run stays the next
     * scheduled time. Returns false when the process is not deployed.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public boolean runNow() {
        Job daily = management
                .createJobQuery()
                .processDefinitionKey(SituationReportProcess.PROCESS_KEY)
                .activityId(DAILY_TIMER)
                .timers()
                .singleResult();
        if (daily == null) {
            return false;
        }
        management.executeJob(daily.getId());
        return true;
    }
}
