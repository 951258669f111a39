package vn.tandem.identity;

/** What a user may do. A user may hold several roles. */
public enum Role {
    OFFICER,
    SUPERVISOR,
    DESIGNER,
    ADMIN;

    /** The BPMN candidate group of this role in an agency, e.g. {@code congan-officer}. */
    public String groupOf(String agencyCode) {
        return CandidateGroup.of(agencyCode, this).toString();
    }
}
