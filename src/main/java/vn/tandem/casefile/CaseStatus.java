package vn.tandem.casefile;

/** Where a case stands (DESIGN §4). */
public enum CaseStatus {
    RECEIVED,
    IN_PROGRESS,
    MONITORING,
    CLOSED;

    /** The statuses of an open case, named so a query on them can use the status index ({@code <> CLOSED} cannot). */
    public static final java.util.Set<CaseStatus> OPEN =
            java.util.Collections.unmodifiableSet(java.util.EnumSet.of(RECEIVED, IN_PROGRESS, MONITORING));
}
