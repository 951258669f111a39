package vn.tandem.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * A BPMN candidate group: an agency and a role, written {@code <agency>-<role>} in lower case (e.g.
 * {@code congan-officer}); {@code <agency>-supervisor-province} is the provincial supervisors, the second level of
 * the SLA escalation ladder. The one place these names are made and read.
 */
public record CandidateGroup(String agency, Role role, boolean province) {

    private static final String PROVINCE = "-province";

    public CandidateGroup {
        agency = agency.toUpperCase(Locale.ROOT);
        if (province && role != Role.SUPERVISOR) {
            throw new IllegalArgumentException("Only supervisors have a provincial group");
        }
    }

    public static CandidateGroup of(String agency, Role role) {
        return new CandidateGroup(agency, role, false);
    }

    public static CandidateGroup provincialSupervisors(String agency) {
        return new CandidateGroup(agency, Role.SUPERVISOR, true);
    }

    /** Reads a group name; empty when it is not {@code <agency>-<role>[-province]}. */
    public static Optional<CandidateGroup> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        boolean province = n.endsWith(PROVINCE);
        if (province) {
            n = n.substring(0, n.length() - PROVINCE.length());
        }
        int dash = n.lastIndexOf('-');
        if (dash <= 0 || !n.substring(0, dash).matches("[a-z0-9_]+")) {
            return Optional.empty();
        }
        String role = n.substring(dash + 1);
        for (Role r : Role.values()) {
            if (r.name().toLowerCase(Locale.ROOT).equals(role) && (!province || r == Role.SUPERVISOR)) {
                return Optional.of(new CandidateGroup(n.substring(0, dash), r, province));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return agency.toLowerCase(Locale.ROOT) + "-" + role.name().toLowerCase(Locale.ROOT)
                + (province ? PROVINCE : "");
    }
}
