package vn.tandem.process;

import java.util.Optional;

/**
 * The SLA thresholds a task's timers mark (the {@code sla} property of a boundary timer): at risk at 75% of its
 * time, breached the day after it is due, and the statutory limit of its step passed.
 */
public enum Threshold {
    WARNING,
    BREACH,
    STATUTORY;

    public static Optional<Threshold> parse(String name) {
        for (Threshold t : values()) {
            if (t.name().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
