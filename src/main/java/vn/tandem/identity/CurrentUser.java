package vn.tandem.identity;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * What every module needs to know about the signed-in user: who, which agency and unit, which area subtree,
 * which roles, and the BPMN candidate groups derived from them.
 */
public record CurrentUser(String username, String fullName, String agency, Long unitId, String unitName,
        Long areaId, String areaPath, Set<Role> roles) implements Serializable {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public boolean isSupervisor() {
        return roles.contains(Role.SUPERVISOR);
    }

    /** Candidate groups, e.g. {@code [congan-officer]}. */
    public List<String> groups() {
        return roles.stream().sorted().map(r -> r.groupOf(agency)).toList();
    }

    /** Whether a case in {@code casePath} lies in this user's area subtree. */
    public boolean coversArea(String casePath) {
        return casePath != null && casePath.startsWith(areaPath);
    }
}
