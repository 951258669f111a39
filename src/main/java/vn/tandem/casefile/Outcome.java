package vn.tandem.casefile;

/** How a case ended (null while open; TEMPORARILY_STABILIZED while monitored). */
public enum Outcome {
    RESOLVED,
    STABILIZED,
    TEMPORARILY_STABILIZED,
    TRANSFERRED,
    REFUSED,
    MERGED
}
