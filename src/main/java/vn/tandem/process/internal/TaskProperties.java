package vn.tandem.process.internal;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-task default due dates (days from creation) until the legal clock replaces them:
 * {@code tandem.tasks.due-days.<taskKey>}, falling back to {@code tandem.tasks.default-due-days}.
 */
@ConfigurationProperties("tandem.tasks")
public record TaskProperties(int defaultDueDays, Map<String, Integer> dueDays) {

    public TaskProperties {
        dueDays = dueDays == null ? Map.of() : Map.copyOf(dueDays);
        defaultDueDays = defaultDueDays <= 0 ? 5 : defaultDueDays;
    }

    public int dueDaysOf(String taskKey) {
        return dueDays.getOrDefault(taskKey, defaultDueDays);
    }
}
