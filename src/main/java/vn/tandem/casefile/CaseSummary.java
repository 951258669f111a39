package vn.tandem.casefile;

import java.util.List;

/** What other modules' read models copy from a case. */
public record CaseSummary(
        long id,
        String code,
        String title,
        CaseType type,
        Long unitId,
        String areaPath,
        String leadAgency,
        List<String> agencies,
        CaseStatus status) {

    static CaseSummary of(Case c) {
        return new CaseSummary(
                c.getId(),
                c.getCode(),
                c.getTitle(),
                c.getType(),
                c.getUnitId(),
                c.getAreaPath(),
                c.getLeadAgency(),
                c.agencies(),
                c.getStatus());
    }
}
