package vn.tandem.program;

/** Where a program item stands. */
public enum ProgramStatus {
    PLANNED,
    ACTIVE,
    COMPLETED,
    STOPPED
}
