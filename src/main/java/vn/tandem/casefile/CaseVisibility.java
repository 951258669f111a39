package vn.tandem.casefile;

import java.util.Collection;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Role;

/**
 * Who may see a case (DESIGN §3): admins see all; officers and supervisors see a case when their agency leads it
 * or takes part in it (shared) and the case lies in their unit's area subtree. Everyone else (designers, other
 * agencies, other areas) gets 404. The one place this rule lives: lists, pages, tasks and the API all call it.
 */
public final class CaseVisibility {

    private CaseVisibility() {}

    public static boolean canSee(CurrentUser user, Case c) {
        return canSee(user, c.getLeadAgency(), c.getSharedAgencies(), c.getAreaPath());
    }

    public static boolean canSee(CurrentUser user, String leadAgency, Collection<String> shared, String areaPath) {
        if (user.isAdmin()) {
            return true;
        }
        if (!user.has(Role.OFFICER) && !user.has(Role.SUPERVISOR)) {
            return false;
        }
        boolean agencyTakesPart = user.agency().equals(leadAgency) || shared.contains(user.agency());
        return agencyTakesPart && user.coversArea(areaPath);
    }

    /**
     * Whether the user may add to a visible case (comment, attach, ask for information): admins, and users whose
     * agency leads the case or shares it fully; an agency that was only asked for information reads (403).
     */
    public static boolean mayContribute(CurrentUser user, Case c) {
        return user.isAdmin() || (canSee(user, c) && c.takesFullPart(user.agency()));
    }

    /** The case's assigned officer or a supervisor of the lead agency: reveals identities, pauses the clock. */
    public static boolean leads(CurrentUser user, Case c) {
        return user.username().equals(c.getAssignedOfficer()) || supervisesLead(user, c);
    }

    /** A supervisor of the lead agency. */
    public static boolean supervisesLead(CurrentUser user, Case c) {
        return user.isSupervisor() && user.agency().equals(c.getLeadAgency());
    }

    /** Decides for the lead agency (complexity, ending a share, the audit trail of the case): its supervisors, admins. */
    public static boolean decidesForLead(CurrentUser user, Case c) {
        return user.isAdmin() || supervisesLead(user, c);
    }

    /** Shares the case with another agency: the lead agency's officers and supervisors, admins. */
    public static boolean mayShare(CurrentUser user, Case c) {
        return user.isAdmin() || user.agency().equals(c.getLeadAgency());
    }

    /** Ends a share. */
    public static boolean mayUnshare(CurrentUser user, Case c) {
        return decidesForLead(user, c);
    }

    /** Reads the case's audit trail on its page. */
    public static boolean seesAudit(CurrentUser user, Case c) {
        return decidesForLead(user, c);
    }

    /** Clears a hot-spot flag: a supervisor of an agency taking full part, admins. */
    public static boolean mayClearHotspot(CurrentUser user, Case c) {
        return user.isAdmin() || (user.isSupervisor() && c.takesFullPart(user.agency()));
    }
}
