package vn.tandem.situation;

/** Where a signal stands in triage. */
public enum SignalStatus {
    NEW,
    WATCHED,
    PROMOTED,
    LINKED,
    DISMISSED;

    /** Whether triage is over (promoted, linked or dismissed signals take no further action). */
    public boolean isSettled() {
        return this == PROMOTED || this == LINKED || this == DISMISSED;
    }
}
