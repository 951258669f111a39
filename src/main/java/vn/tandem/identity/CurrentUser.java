package vn.tandem.identity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What every module needs to know about the signed-in user: who, which agency and unit, which area subtree,
 * which roles, and the BPMN candidate groups derived from them.
 */
public record CurrentUser(
        String username,
        String fullName,
        String agency,
        Long unitId,
        String unitName,
        Long areaId,
        String areaPath,
        Set<Role> roles)
        implements Serializable {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public boolean isSupervisor() {
        return roles.contains(Role.SUPERVISOR);
    }

    /**
     * Candidate groups, e.g. {@code [congan-officer]}; supervisors of a unit covering a top-level area (the
     * province) also get {@code <agency>-supervisor-province}, the next level of the SLA escalation ladder.
     */
    public List<String> groups() {
        List<String> groups = new ArrayList<>(
                roles.stream().sorted().map(r -> r.groupOf(agency)).toList());
        if (isSupervisor() && isTopLevel()) {
            groups.add(CandidateGroup.provincialSupervisors(agency).toString());
        }
        return List.copyOf(groups);
    }

    /** Whether the user's unit covers a top-level area (path {@code /<id>/}). */
    public boolean isTopLevel() {
        return areaPath != null && areaPath.chars().filter(ch -> ch == '/').count() == 2;
    }

    /** Whether a case in {@code casePath} lies in this user's area subtree. */
    public boolean coversArea(String casePath) {
        return casePath != null && casePath.startsWith(areaPath);
    }
}
