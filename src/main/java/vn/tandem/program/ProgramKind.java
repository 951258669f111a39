package vn.tandem.program;

/** What a program item is: a campaign (cuộc vận động), an emulation drive, or a Dân vận khéo model. */
public enum ProgramKind {
    CAMPAIGN,
    DRIVE,
    MODEL
}
