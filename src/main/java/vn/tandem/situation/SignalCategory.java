package vn.tandem.situation;

/** What a signal is about. */
public enum SignalCategory {
    /** Land and compensation. */
    LAND,
    /** Site clearance. */
    CLEARANCE,
    ENVIRONMENT,
    LABOUR,
    RELIGION_ETHNIC,
    /** People gathering. */
    CROWD,
    /** Rumours, online. */
    RUMOUR,
    /** Crime and social evils. */
    CRIME,
    OTHER
}
