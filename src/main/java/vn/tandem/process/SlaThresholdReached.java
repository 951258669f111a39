package vn.tandem.process;

import java.time.Instant;

/**
 * A task's SLA timer fired, in the engine's transaction: {@code WARNING} at 75% of its time, {@code BREACH} when
 * it is overdue, {@code STATUTORY} when the statutory limit of its step has passed. Published once per threshold
 * per task (the timers are jobs: they fire once, also across restarts).
 */
public record SlaThresholdReached(TaskSnapshot task, Threshold threshold, String legalStep, Instant at) {}
