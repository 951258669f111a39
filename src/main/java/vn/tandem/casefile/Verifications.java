package vn.tandem.casefile;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface Verifications extends JpaRepository<Verification, Long> {

    List<Verification> findByCaseIdOrderByVerifiedAtDescIdDesc(Long caseId);
}
