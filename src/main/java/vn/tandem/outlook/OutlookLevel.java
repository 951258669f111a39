package vn.tandem.outlook;

/** How worried supervisors should be about a unit, by its score against the level thresholds. */
public enum OutlookLevel {
    LOW,
    ELEVATED,
    HIGH,
    CRITICAL;

    /** Whether a move from {@code before} to this level crosses into HIGH or CRITICAL (supervisors are told). */
    public boolean alarmingAfter(OutlookLevel before) {
        return this.compareTo(HIGH) >= 0 && (before == null || this.compareTo(before) > 0);
    }
}
