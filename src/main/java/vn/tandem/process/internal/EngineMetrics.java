package vn.tandem.process.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.tandem.process.EngineOperations;

/**
 * The engine for Prometheus, counted in the database every minute (the same on every node):
 * {@code tandem_jobs_backlog} (jobs due now and not yet run: a growing backlog means the executors cannot keep up),
 * {@code tandem_jobs_failed} (jobs out of retries) and {@code tandem_incidents}.
 */
@Component
public class EngineMetrics implements MeterBinder {

    private final EngineOperations operations;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong incidents = new AtomicLong();

    EngineMetrics(EngineOperations operations) {
        this.operations = operations;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("tandem.jobs.backlog", backlog, AtomicLong::get)
                .description("Jobs due now and not yet run")
                .register(registry);
        Gauge.builder("tandem.jobs.failed", failed, AtomicLong::get)
                .description("Jobs that failed every retry")
                .register(registry);
        Gauge.builder("tandem.incidents", incidents, AtomicLong::get)
                .description("Open incidents")
                .register(registry);
    }

    @Scheduled(
            initialDelayString = "${tandem.metrics.initial-delay:PT10S}",
            fixedDelayString = "${tandem.metrics.refresh:PT1M}")
    public void refresh() {
        EngineOperations.Counts counts = operations.counts();
        backlog.set(counts.backlog());
        failed.set(counts.failed());
        incidents.set(counts.incidents());
    }
}
