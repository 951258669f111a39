package vn.tandem.process;

import java.util.List;

/**
 * Which agencies take part in a case's steps, as the processes ask it (implemented where cases and agencies are
 * known): the multi-instance verification, hot-spot and joint-meeting steps run once per group returned here.
 */
public interface CaseAgencies {

    /** The officer groups of the agencies that verify the case, the lead agency first. */
    List<String> verifierGroups(long caseId);

    /** The supervisor groups of the agencies taking part in the case, the lead agency first. */
    List<String> supervisorGroups(long caseId);

    /** The name of a group's agency, for task names (in Vietnamese, as BPMN names are). */
    String agencyName(String group);

    /** The name of a group's agency in English (the tasks' English names). */
    String agencyNameEn(String group);
}
