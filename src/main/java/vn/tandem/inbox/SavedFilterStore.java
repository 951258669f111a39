package vn.tandem.inbox;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SavedFilterStore extends JpaRepository<SavedFilter, Long> {

    @Query("select f from SavedFilter f where f.owner = ?1 or (f.shared = true and f.unitId = ?2)"
            + " order by lower(f.name), f.id")
    List<SavedFilter> visibleTo(String owner, Long unitId);
}
