package vn.tandem.inbox;

import java.util.List;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Role;

/**
 * What a task is about when it is not a case (e.g. an information request about a unit's area and a topic): how
 * people refer to it, its title, a kind for the inbox's type column, where it is, the agencies it is between, and
 * the page that shows it.
 */
public record TaskSubject(
        String reference, String title, String kind, Long unitId, String areaPath, List<String> agencies, String link) {

    public TaskSubject {
        agencies = List.copyOf(agencies);
    }

    /** The agency that asked (the first of the agencies). */
    public String leadAgency() {
        return agencies.get(0);
    }

    /** Officers and supervisors of the agencies it is between, covering its area; administrators. */
    public boolean visibleTo(CurrentUser user) {
        if (user.isAdmin()) {
            return true;
        }
        return (user.has(Role.OFFICER) || user.has(Role.SUPERVISOR))
                && agencies.contains(user.agency())
                && user.coversArea(areaPath);
    }
}
