package vn.tandem.identity;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;

/**
 * The identity module's public API: the signed-in user, user look-ups, agencies and units, and creating
 * accounts (used by the first-admin bootstrap and the demo data).
 */
@Service
@Transactional(readOnly = true)
public class Directory implements UserDetailsService {

    private final Users users;
    private final Units units;
    private final Agencies agencies;
    private final PasswordEncoder passwordEncoder;
    private final AuditLog audit;
    private final Clock clock;

    Directory(
            Users users, Units units, Agencies agencies, PasswordEncoder passwordEncoder, AuditLog audit, Clock clock) {
        this.users = users;
        this.units = units;
        this.agencies = agencies;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public TandemPrincipal loadUserByUsername(String username) {
        AppUser user = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return new TandemPrincipal(toCurrentUser(user), user.getPasswordHash(), user.isEnabled());
    }

    /** The signed-in user; fails if nobody is signed in (every page and endpoint requires login). */
    public static CurrentUser currentUser() {
        return optionalCurrentUser().orElseThrow(() -> new IllegalStateException("No signed-in user"));
    }

    public static Optional<CurrentUser> optionalCurrentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof TandemPrincipal principal) {
            return Optional.of(principal.user());
        }
        return Optional.empty();
    }

    public Optional<CurrentUser> find(String username) {
        return users.findByUsername(username).map(Directory::toCurrentUser);
    }

    public String displayName(String username) {
        return username == null
                ? null
                : users.findByUsername(username).map(AppUser::getFullName).orElse(username);
    }

    public List<CurrentUser> usersOf(String agencyCode, Role role) {
        return users.findByAgencyAndRole(agencyCode, role).stream()
                .map(Directory::toCurrentUser)
                .toList();
    }

    /** Enabled users of an agency with a role whose area subtree covers {@code areaPath} (a case's area). */
    public List<String> usernamesCovering(String agencyCode, Role role, String areaPath) {
        return users.findByAgencyAndRole(agencyCode, role).stream()
                .filter(AppUser::isEnabled)
                .map(Directory::toCurrentUser)
                .filter(u -> u.coversArea(areaPath))
                .map(CurrentUser::username)
                .toList();
    }

    /** The user's e-mail address, if any. */
    public Optional<String> email(String username) {
        return users.findByUsername(username).map(AppUser::getEmail).filter(e -> e != null && !e.isBlank());
    }

    public List<Agency> agencies() {
        return agencies.findAllByOrderBySortOrder();
    }

    /** The agency that answers incidents first and leads them (the first by sort order when several are marked). */
    public Optional<Agency> incidentFirstResponder() {
        return agencies().stream().filter(Agency::isRespondsFirst).findFirst();
    }

    public Optional<Agency> agency(String code) {
        return code == null ? Optional.empty() : agencies.findById(code.toUpperCase(Locale.ROOT));
    }

    public List<Unit> units() {
        return units.findAll().stream()
                .sorted(Comparator.comparing(Unit::getId))
                .toList();
    }

    /** Every unit's name by its id (one query: pages that list many rows name their units from it). */
    public java.util.Map<Long, String> unitNames() {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        units.findAll().forEach(u -> names.put(u.getId(), u.getName()));
        return names;
    }

    public Optional<Unit> unit(Long id) {
        return id == null ? Optional.empty() : units.findById(id);
    }

    /** Creates an account; used by the first-admin bootstrap and the demo data. */
    @Transactional
    public CurrentUser createUser(
            String username, String rawPassword, String fullName, String email, String unitCode, Set<Role> roles) {
        Unit unit = units.findByCode(unitCode).orElseThrow(() -> new IllegalArgumentException(unitCode));
        AppUser user = users.save(new AppUser(
                username, passwordEncoder.encode(rawPassword), fullName, email, unit, roles, clock.instant()));
        audit.record("USER_CREATED", null, null, "user", username, Map.of("unit", unitCode, "roles", roles.toString()));
        return toCurrentUser(user);
    }

    public boolean exists(String username) {
        return users.findByUsername(username).isPresent();
    }

    public boolean anyAdmin() {
        return users.anyAdmin();
    }

    static CurrentUser toCurrentUser(AppUser user) {
        Unit unit = user.getUnit();
        return new CurrentUser(
                user.getUsername(),
                user.getFullName(),
                unit.getAgencyCode(),
                unit.getId(),
                unit.getName(),
                unit.getArea().getId(),
                unit.getArea().getPath(),
                Set.copyOf(user.getRoles()));
    }
}
