package vn.tandem.casefile;

/**
 * How another agency takes part in a case: {@code FULL} (it works tasks of the case, comments, attaches, asks) or
 * {@code READ_ONLY} (it was asked for information: it sees the case and answers through its task).
 */
public enum ShareMode {
    FULL,
    READ_ONLY
}
