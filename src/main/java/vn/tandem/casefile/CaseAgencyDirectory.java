package vn.tandem.casefile;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.identity.Agency;
import vn.tandem.identity.CandidateGroup;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Role;
import vn.tandem.process.CaseAgencies;

/**
 * The agencies taking part in a case, for the multi-instance steps: the lead agency and every agency that verifies
 * (reference data: {@code agency.verifies}), the lead first. Adding an agency that verifies is a data change.
 */
@Component
@Transactional(readOnly = true)
class CaseAgencyDirectory implements CaseAgencies {

    private final Cases cases;
    private final Directory directory;

    CaseAgencyDirectory(Cases cases, Directory directory) {
        this.cases = cases;
        this.directory = directory;
    }

    @Override
    public List<String> verifierGroups(long caseId) {
        return taking(caseId).stream().map(Role.OFFICER::groupOf).toList();
    }

    @Override
    public List<String> supervisorGroups(long caseId) {
        return taking(caseId).stream().map(Role.SUPERVISOR::groupOf).toList();
    }

    @Override
    public String agencyName(String group) {
        return CandidateGroup.parse(group)
                .flatMap(g -> directory.agency(g.agency()))
                .map(Agency::getNameVi)
                .orElse(group);
    }

    @Override
    public String agencyNameEn(String group) {
        return CandidateGroup.parse(group)
                .flatMap(g -> directory.agency(g.agency()))
                .map(Agency::getNameEn)
                .orElse(group);
    }

    /** Agency codes taking part in the case's steps: the lead, then every agency that verifies. */
    List<String> taking(long caseId) {
        String lead = cases.findById(caseId).map(Case::getLeadAgency).orElse(null);
        List<String> codes = new ArrayList<>();
        if (lead != null) {
            codes.add(lead);
        }
        for (Agency a : directory.agencies()) {
            if (a.isVerifies() && !a.getCode().equals(lead)) {
                codes.add(a.getCode());
            }
        }
        return codes;
    }
}
