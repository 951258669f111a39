package vn.tandem.notice;

/**
 * The documents the law requires a case's office to send: notices to the citizen, and the slip that sends a matter
 * to the competent body. Each type is numbered on its own, with its own sign in the number.
 */
public enum NoticeType {
    ACCEPTANCE("TB"),
    REFUSAL("TB"),
    TRANSFER("TB"),
    DECISION("TB"),
    /** The slip that sends the matter to the competent body (addressed to the body, the citizen in copy). */
    TRANSFER_SLIP("PC");

    private final String sign;

    NoticeType(String sign) {
        this.sign = sign;
    }

    /** A transfer's documents name the competent body the matter went to. */
    public boolean needsRecipient() {
        return this == TRANSFER || this == TRANSFER_SLIP;
    }

    /** The document's sign in its number: {@code 12/TB-DV-MINHXUAN}, {@code 3/PC-DV-MINHXUAN}. */
    public String sign() {
        return sign;
    }
}
