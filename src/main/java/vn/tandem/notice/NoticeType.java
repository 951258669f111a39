package vn.tandem.notice;

/** The notices the law requires a case's office to send. */
public enum NoticeType {
    ACCEPTANCE,
    REFUSAL,
    TRANSFER,
    DECISION
}
