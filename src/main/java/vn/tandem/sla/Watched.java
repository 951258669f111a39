package vn.tandem.sla;

import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseVisibility;
import vn.tandem.identity.CurrentUser;
import vn.tandem.inbox.TaskSubject;

/**
 * What a task on the clock is about: a case, or a subject without one (a unit's report round, an information
 * request about a unit) as its module describes it. Exactly one of the two is set.
 */
record Watched(Case caseFile, TaskSubject subject) {

    Long caseId() {
        return caseFile == null ? null : caseFile.getId();
    }

    /** How people refer to it: the case code, or the subject's reference. */
    String reference() {
        return caseFile == null ? subject.reference() : caseFile.getCode();
    }

    String title() {
        return caseFile == null ? subject.title() : caseFile.getTitle();
    }

    String areaPath() {
        return caseFile == null ? subject.areaPath() : caseFile.getAreaPath();
    }

    String leadAgency() {
        return caseFile == null ? subject.leadAgency() : caseFile.getLeadAgency();
    }

    /** The page that shows it. */
    String link() {
        return caseFile == null ? subject.link() : "/cases/" + caseFile.getCode();
    }

    boolean visibleTo(CurrentUser user) {
        return caseFile == null ? subject.visibleTo(user) : CaseVisibility.canSee(user, caseFile);
    }
}
