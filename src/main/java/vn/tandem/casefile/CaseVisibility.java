package vn.tandem.casefile;

import vn.tandem.identity.CurrentUser;

/**
 * Who may see a case (DESIGN §3): admins see all; otherwise the user's agency must lead the case or take part in
 * it (shared), and the case must lie in the user's unit's area subtree. Everyone else gets 404.
 */
public final class CaseVisibility {

    private CaseVisibility() {
    }

    public static boolean canSee(CurrentUser user, Case c) {
        return canSee(user, c.getLeadAgency(), c.getSharedAgencies(), c.getAreaPath());
    }

    public static boolean canSee(CurrentUser user, String leadAgency, java.util.Collection<String> shared,
            String areaPath) {
        if (user.isAdmin()) {
            return true;
        }
        boolean agencyTakesPart = user.agency().equals(leadAgency) || shared.contains(user.agency());
        return agencyTakesPart && user.coversArea(areaPath);
    }

    /** The case's assigned officer or a supervisor of the lead agency. */
    public static boolean leads(CurrentUser user, Case c) {
        return user.username().equals(c.getAssignedOfficer())
                || (user.isSupervisor() && user.agency().equals(c.getLeadAgency()));
    }
}
