package vn.tandem.sla;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The legal clock for Prometheus, recomputed every minute from the kept clocks ({@link KeptClocks}):
 * {@code tandem_sla_cases{state}} — the open cases by the state of their current step's clock (on track, at risk,
 * breached) —, {@code tandem_sla_statutory_breached} (open cases past the statutory limit) and
 * {@code tandem_escalations_open}.
 */
@Component
public class SlaMetrics implements MeterBinder {

    private final KeptClocks kept;
    private final Escalations escalations;
    private final Map<LegalRules.State, AtomicLong> byState = new EnumMap<>(LegalRules.State.class);
    private final AtomicLong statutory = new AtomicLong();
    private final AtomicLong openEscalations = new AtomicLong();

    SlaMetrics(KeptClocks kept, Escalations escalations) {
        this.kept = kept;
        this.escalations = escalations;
        for (LegalRules.State s : LegalRules.State.values()) {
            byState.put(s, new AtomicLong());
        }
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        byState.forEach((state, value) -> Gauge.builder("tandem.sla.cases", value, AtomicLong::get)
                .description("Open cases by the state of their current step's legal clock")
                .tag("state", state.name())
                .register(registry));
        Gauge.builder("tandem.sla.statutory.breached", statutory, AtomicLong::get)
                .description("Open cases past the statutory limit of their current step")
                .register(registry);
        Gauge.builder("tandem.escalations.open", openEscalations, AtomicLong::get)
                .description("Escalations not handled yet")
                .register(registry);
    }

    @Scheduled(
            initialDelayString = "${tandem.metrics.initial-delay:PT10S}",
            fixedDelayString = "${tandem.metrics.refresh:PT1M}")
    @Transactional(readOnly = true)
    public void refresh() {
        Map<LegalRules.State, Long> counted = new EnumMap<>(LegalRules.State.class);
        long late = 0;
        for (KeptClocks.Tally t : kept.tallyAll()) {
            counted.merge(LegalRules.State.ON_TRACK, t.onTrack(), Long::sum);
            counted.merge(LegalRules.State.AT_RISK, t.atRisk(), Long::sum);
            counted.merge(LegalRules.State.BREACHED, t.breached(), Long::sum);
            late += t.statutoryBreached();
        }
        byState.forEach((state, value) -> value.set(counted.getOrDefault(state, 0L)));
        statutory.set(late);
        openEscalations.set(escalations.countByStatus(Escalation.Status.OPEN));
    }
}
