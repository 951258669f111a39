package vn.tandem.casefile;

/** The kind of case (DESIGN §2). */
public enum CaseType {
    COMPLAINT,
    DENUNCIATION,
    PETITION,
    INCIDENT
}
