package vn.tandem.casefile;

/** How a security-and-order incident came to light. */
public enum Detection {
    /** Reported by a commune unit of either agency. */
    COMMUNE_UNIT,
    /** A police report (an officer's or a station's). */
    POLICE_REPORT,
    /** A call to a hotline. */
    HOTLINE,
    /** Seen by a patrol. */
    PATROL,
    /** A signal from the grassroots (a situation report, a mass organisation, a resident). */
    SIGNAL
}
