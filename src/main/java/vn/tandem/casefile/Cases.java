package vn.tandem.casefile;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** The cases. */
public interface Cases extends JpaRepository<Case, Long>, JpaSpecificationExecutor<Case> {

    Optional<Case> findByCode(String code);
}
