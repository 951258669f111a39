package vn.tandem.process.internal;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A node shutting down gracefully gives its jobs back: once the web server has finished its in-flight requests,
 * the job executor stops (the jobs running now finish) and the jobs this node had acquired but not started are
 * unlocked, so another node runs them at once instead of after the lock expires. A node that is killed keeps its
 * locks until they expire ({@code lockTimeInMillis}); then any node takes the jobs.
 */
@Component
class JobLockRelease implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobLockRelease.class);

    private final ProcessEngineConfigurationImpl configuration;
    private final JdbcTemplate jdbc;
    private volatile boolean running;

    JobLockRelease(ProcessEngineConfigurationImpl configuration, JdbcTemplate jdbc) {
        this.configuration = configuration;
        this.jdbc = jdbc;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        JobExecutor executor = configuration.getJobExecutor();
        if (executor == null) {
            return;
        }
        String owner = executor.getLockOwner();
        if (executor.isActive()) {
            executor.shutdown();
        }
        try {
            int released = jdbc.update(
                    "update " + configuration.getDatabaseTablePrefix()
                            + "ACT_RU_JOB set LOCK_OWNER_ = null, LOCK_EXP_TIME_ = null where LOCK_OWNER_ = ?",
                    owner);
            log.info("Job executor stopped; {} job lock(s) of {} released", released, owner);
        } catch (RuntimeException e) {
            log.warn("Could not release the job locks of {}: {}", owner, e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server (its graceful shutdown finishes the requests in flight), before the engine closes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
