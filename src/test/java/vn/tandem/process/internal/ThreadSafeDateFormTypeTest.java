package vn.tandem.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * Days submitted in forms from many threads at once each come out as the day sent (Camunda's own date type shares one
 * SimpleDateFormat: the benchmark's four client threads made it throw, or store another thread's day), and the engine
 * Tandem configures uses this type for every {@code date} field.
 */
class ThreadSafeDateFormTypeTest {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Test
    void concurrentSubmissionsEachGetTheirOwnDay() throws Exception {
        ThreadSafeDateFormType type = new ThreadSafeDateFormType(TandemEnginePlugin.DATE_PATTERN);
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                Callable<Integer> job = () -> {
                    SimpleDateFormat own = new SimpleDateFormat(TandemEnginePlugin.DATE_PATTERN);
                    int right = 0;
                    for (int i = 0; i < 2_000; i++) {
                        String day = LocalDate.of(2020, 1, 1)
                                .plusDays(thread * 2_000L + i)
                                .format(DAY);
                        Object parsed = type.convertToModelValue(Variables.stringValue(day))
                                .getValue();
                        if (own.parse(day).equals(parsed)
                                && day.equals(type.convertModelValueToFormValue((Date) parsed))) {
                            right++;
                        }
                    }
                    return right;
                };
                results.add(pool.submit(job));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(2_000);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theEngineUsesItForDateFields() {
        ProcessEngine engine = TestEngine.configuration("date-type-test").buildProcessEngine();
        try {
            assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                            .getFormTypes()
                            .getFormType("date"))
                    .isInstanceOf(ThreadSafeDateFormType.class);
        } finally {
            engine.close();
        }
    }
}
