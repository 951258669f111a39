package vn.tandem.sla;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The versions of the legal deadline rules. */
interface LegalRuleVersions extends JpaRepository<LegalRule, Long> {

    List<LegalRule> findByStepOrderByCodeAscVersionAsc(String step);

    List<LegalRule> findByCodeOrderByVersionAsc(String code);
}
