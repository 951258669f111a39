package vn.tandem.sla;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The notices the offices have issued, as the clocks of the notices they owe read them: per case, per notice step,
 * the days a notice was issued (ascending). The module that issues notices provides it; without one, every notice
 * stays owed.
 */
public interface IssuedNotices {

    Map<Long, Map<LegalStep, List<LocalDate>>> issuedOn(Collection<Long> caseIds);
}
