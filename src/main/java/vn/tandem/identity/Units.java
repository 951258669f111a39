package vn.tandem.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/** The units of every agency. */
public interface Units extends JpaRepository<Unit, Long> {

    Optional<Unit> findByCode(String code);

    List<Unit> findByAgencyCodeOrderById(String agencyCode);
}
