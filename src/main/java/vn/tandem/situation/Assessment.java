package vn.tandem.situation;

/** A unit's overall assessment of its area for a period. */
public enum Assessment {
    STABLE,
    WATCH,
    COMPLEX
}
