package vn.tandem.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The user accounts. */
public interface Users extends JpaRepository<AppUser, Long> {

    /** The account with its unit, area and roles in one query (every authentication reads it). */
    @Query("select distinct u from AppUser u join fetch u.unit un join fetch un.area left join fetch u.roles "
            + "where u.username = ?1")
    Optional<AppUser> findByUsername(String username);

    @Query("select distinct u from AppUser u join fetch u.unit un join fetch un.area left join fetch u.roles "
            + "where u.id = ?1")
    Optional<AppUser> findWithUnitById(Long id);

    @Query("select count(u) > 0 from AppUser u join u.roles r where r = vn.tandem.identity.Role.ADMIN")
    boolean anyAdmin();

    @Query("select u from AppUser u join u.roles r where u.unit.agencyCode = ?1 and r = ?2 and u.enabled = true "
            + "order by u.fullName")
    List<AppUser> findByAgencyAndRole(String agencyCode, Role role);

    @Query("select count(u) from AppUser u join u.roles r where r = vn.tandem.identity.Role.ADMIN and u.enabled = true "
            + "and u.id <> ?1")
    long countEnabledAdminsOtherThan(Long id);

    /** Accounts whose user name or full name contains the text (lower case; null for all). */
    @Query("select u from AppUser u where ?1 is null or lower(u.username) like ?1 or lower(u.fullName) like ?1")
    Page<AppUser> search(String like, Pageable page);
}
