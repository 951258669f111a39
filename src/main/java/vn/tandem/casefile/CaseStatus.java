package vn.tandem.casefile;

/** Where a case stands (DESIGN §4). */
public enum CaseStatus {
    RECEIVED,
    IN_PROGRESS,
    MONITORING,
    CLOSED
}
