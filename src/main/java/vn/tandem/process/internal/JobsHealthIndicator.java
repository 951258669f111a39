package vn.tandem.process.internal;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness of the job executor ({@code jobs}): up when it runs (or is switched off on purpose, e.g. a node that only
 * serves pages), down when it should run and does not — timers, warnings and escalations would stop on this node.
 * Details for admins: the lock owner, the jobs due now, the failed ones.
 */
@Component("jobsHealthIndicator")
class JobsHealthIndicator implements HealthIndicator {

    private final ProcessEngineConfigurationImpl configuration;
    private final ManagementService management;
    private final boolean enabled;

    JobsHealthIndicator(
            ProcessEngineConfigurationImpl configuration,
            ManagementService management,
            @Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
        this.configuration = configuration;
        this.management = management;
        this.enabled = enabled;
    }

    @Override
    public Health health() {
        JobExecutor executor = configuration.getJobExecutor();
        boolean active = executor != null && executor.isActive();
        Health.Builder health = active || !enabled ? Health.up() : Health.down();
        return health.withDetail("enabled", enabled)
                .withDetail("active", active)
                .withDetail("lockOwner", executor == null ? "" : executor.getLockOwner())
                .withDetail("dueNow", management.createJobQuery().executable().count())
                .withDetail(
                        "failed", management.createJobQuery().noRetriesLeft().count())
                .build();
    }
}
