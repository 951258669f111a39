package vn.tandem.process.internal;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.tandem.process.CaseAgencies;

/**
 * The {@code caseAgencies} bean BPMN expressions may call (see {@link ExpressionAllowlist}): the collections of
 * the multi-instance steps ({@code ${caseAgencies.verifiers(execution)}}, {@code ${caseAgencies.supervisors(
 * execution)}}) and an agency's name for a task's title ({@code ${caseAgencies.name(agencyGroup)}}). The business
 * key of every Tandem process is the case id.
 */
@Component("caseAgencies")
public class CaseAgencyGroups {

    private final ObjectProvider<CaseAgencies> agencies;

    CaseAgencyGroups(ObjectProvider<CaseAgencies> agencies) {
        this.agencies = agencies;
    }

    public List<String> verifiers(DelegateExecution execution) {
        return agencies.getObject().verifierGroups(caseId(execution));
    }

    public List<String> supervisors(DelegateExecution execution) {
        return agencies.getObject().supervisorGroups(caseId(execution));
    }

    public String name(String group) {
        return agencies.getObject().agencyName(group);
    }

    /** The name of a group's agency in English, for the tasks' English names ({@code name.en}). */
    public String nameEn(String group) {
        return agencies.getObject().agencyNameEn(group);
    }

    private static long caseId(DelegateExecution execution) {
        return Long.parseLong(execution.getProcessBusinessKey());
    }
}
