package vn.tandem.casefile;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code tandem_cases{type, status}}: how many cases of each type are in each status, counted in the database every
 * minute (every node reports the same figures: take one node's, or the maximum).
 */
@Component
public class CaseMetrics implements MeterBinder {

    private final Cases cases;
    private MultiGauge gauge;

    CaseMetrics(Cases cases) {
        this.cases = cases;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge = MultiGauge.builder("tandem.cases")
                .description("Cases by type and status")
                .register(registry);
    }

    @Scheduled(
            initialDelayString = "${tandem.metrics.initial-delay:PT10S}",
            fixedDelayString = "${tandem.metrics.refresh:PT1M}")
    @Transactional(readOnly = true)
    public void refresh() {
        if (gauge == null) {
            return;
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (Object[] row : cases.countByTypeAndStatus()) {
            rows.add(MultiGauge.Row.of(
                    Tags.of("type", String.valueOf(row[0]), "status", String.valueOf(row[1])),
                    ((Number) row[2]).doubleValue()));
        }
        gauge.register(rows, true);
    }
}
