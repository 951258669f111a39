package vn.tandem.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The login throttling counters. */
interface LoginThrottles extends JpaRepository<LoginThrottle, String> {

    List<LoginThrottle> findByKeyIn(Collection<String> keys);

    List<LoginThrottle> findByBlockedUntilAfterOrderByBlockedUntilDesc(Instant now);

    @Modifying
    @Query("delete from LoginThrottle t where lower(t.username) = lower(?1)")
    int deleteByUsername(String username);

    @Modifying
    @Query("delete from LoginThrottle t where t.key in ?1")
    int deleteByKeys(Collection<String> keys);
}
