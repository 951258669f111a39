package vn.tandem.identity;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The user accounts. */
public interface Users extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    @Query("select count(u) > 0 from AppUser u join u.roles r where r = vn.tandem.identity.Role.ADMIN")
    boolean anyAdmin();

    @Query("select u from AppUser u join u.roles r where u.unit.agencyCode = ?1 and r = ?2 and u.enabled = true "
            + "order by u.fullName")
    List<AppUser> findByAgencyAndRole(String agencyCode, Role role);
}
