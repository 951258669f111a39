package vn.tandem.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The personal API tokens. */
interface ApiTokens extends JpaRepository<ApiToken, Long> {

    /** A token with its owner, the owner's unit, area and roles: one query per authenticated request. */
    @Query("select distinct t from ApiToken t join fetch t.user u join fetch u.unit un join fetch un.area "
            + "left join fetch u.roles where t.tokenHash = ?1")
    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByUserIdOrderByIdDesc(Long userId);

    @Modifying
    @Query("update ApiToken t set t.lastUsedAt = ?2 where t.id = ?1")
    int markUsed(Long id, Instant at);
}
