package vn.tandem.identity;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The agencies. */
public interface Agencies extends JpaRepository<Agency, String> {

    List<Agency> findAllByOrderBySortOrder();
}
