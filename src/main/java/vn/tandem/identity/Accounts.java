package vn.tandem.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;
import vn.tandem.common.ConflictException;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;

/**
 * User accounts: administrators create accounts, change a person's agency and unit, roles and e-mail, disable and
 * re-enable them, reset passwords and lift login blocks; every user changes their own password. Every change is
 * audited; passwords follow {@link PasswordPolicy}; the last enabled administrator can be neither disabled nor
 * stripped of the role. A disabled account's sessions end at once and its API tokens stop working.
 */
@Service
@Transactional
public class Accounts {

    /** A new account. */
    public record NewAccount(
            String username, String fullName, String email, Long unitId, Set<Role> roles, String password) {}

    /** The fields an administrator changes on an account. */
    public record Change(String fullName, String email, Long unitId, Set<Role> roles, boolean enabled) {}

    private final Users users;
    private final Units units;
    private final PasswordEncoder encoder;
    private final LoginThrottling throttling;
    private final SignedInSessions sessions;
    private final AuditLog audit;
    private final Clock clock;

    Accounts(
            Users users,
            Units units,
            PasswordEncoder encoder,
            LoginThrottling throttling,
            SignedInSessions sessions,
            AuditLog audit,
            Clock clock) {
        this.users = users;
        this.units = units;
        this.encoder = encoder;
        this.throttling = throttling;
        this.sessions = sessions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<AppUser> search(String text, Pageable pageable) {
        String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return users.search(q.isEmpty() ? null : "%" + q + "%", pageable);
    }

    @Transactional(readOnly = true)
    public AppUser get(long id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("account.notFound"));
    }

    public AppUser create(NewAccount input) {
        List<FieldProblem> problems = new ArrayList<>();
        String username =
                input.username() == null ? "" : input.username().strip().toLowerCase(Locale.ROOT);
        if (!username.matches("[a-z0-9][a-z0-9._-]{2,49}")) {
            problems.add(new FieldProblem("username", "account.username"));
        } else if (users.findByUsername(username).isPresent()) {
            problems.add(new FieldProblem("username", "account.usernameTaken", username));
        }
        problems.addAll(PasswordPolicy.check("password", username, input.password()));
        Unit unit = details(input.fullName(), input.email(), input.unitId(), input.roles(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        AppUser user = users.save(new AppUser(
                username,
                encoder.encode(input.password()),
                input.fullName().strip(),
                blankToNull(input.email()),
                unit,
                input.roles(),
                clock.instant()));
        audit.record(
                "USER_CREATED",
                null,
                null,
                "user",
                username,
                Map.of("unit", unit.getCode(), "roles", sorted(input.roles())));
        return user;
    }

    public AppUser change(long id, Change change) {
        AppUser user = get(id);
        List<FieldProblem> problems = new ArrayList<>();
        Unit unit = details(change.fullName(), change.email(), change.unitId(), change.roles(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean staysAdmin = change.enabled() && change.roles().contains(Role.ADMIN);
        if (user.isEnabled()
                && user.getRoles().contains(Role.ADMIN)
                && !staysAdmin
                && users.countEnabledAdminsOtherThan(user.getId()) == 0) {
            throw new ConflictException("account.lastAdmin");
        }
        Map<String, Object> before = snapshot(user);
        user.change(change.fullName().strip(), blankToNull(change.email()), unit, change.roles(), change.enabled());
        audit.recordChange("USER_CHANGED", null, null, "user", user.getUsername(), before, snapshot(user));
        if (!user.isEnabled()) {
            sessions.end(user.getUsername());
        }
        return user;
    }

    /** An administrator sets a new password (e.g. the person forgot theirs); their sessions end. */
    public void resetPassword(long id, String password) {
        AppUser user = get(id);
        List<FieldProblem> problems = PasswordPolicy.check("password", user.getUsername(), password);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        user.password(encoder.encode(password), clock.instant());
        audit.record("PASSWORD_RESET", null, null, "user", user.getUsername(), Map.of());
        sessions.end(user.getUsername());
    }

    /** A user changes their own password, knowing the current one. */
    public void changeOwnPassword(CurrentUser current, String currentPassword, String password, String confirmation) {
        AppUser user = users.findByUsername(current.username()).orElseThrow();
        if (currentPassword == null || !encoder.matches(currentPassword, user.getPasswordHash())) {
            throw new InvalidInputException("currentPassword", "password.wrongCurrent");
        }
        List<FieldProblem> problems = new ArrayList<>(PasswordPolicy.check("password", user.getUsername(), password));
        if (problems.isEmpty() && !password.equals(confirmation)) {
            problems.add(new FieldProblem("confirmation", "password.mismatch"));
        }
        if (problems.isEmpty() && password.equals(currentPassword)) {
            problems.add(new FieldProblem("password", "password.same"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        user.password(encoder.encode(password), clock.instant());
        audit.record("PASSWORD_CHANGED", null, null, "user", user.getUsername(), Map.of());
    }

    /** Lifts every login block of the account (from any address). */
    public void unlock(long id) {
        throttling.unlockAccount(get(id).getUsername());
    }

    @Transactional(readOnly = true)
    public boolean isLocked(AppUser user) {
        return throttling.isLocked(user.getUsername());
    }

    private Unit details(String fullName, String email, Long unitId, Set<Role> roles, List<FieldProblem> problems) {
        if (fullName == null || fullName.isBlank()) {
            problems.add(new FieldProblem("fullName", "validation.required"));
        } else if (fullName.length() > 200) {
            problems.add(new FieldProblem("fullName", "validation.maxLength", 200));
        }
        if (email != null && !email.isBlank() && !email.strip().matches("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]+")) {
            problems.add(new FieldProblem("email", "validation.email"));
        }
        if (roles == null || roles.isEmpty()) {
            problems.add(new FieldProblem("roles", "account.roles"));
        }
        Unit unit = unitId == null ? null : units.findById(unitId).orElse(null);
        if (unit == null) {
            problems.add(new FieldProblem("unitId", "validation.unit"));
        }
        return unit;
    }

    private static Map<String, Object> snapshot(AppUser user) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("fullName", user.getFullName());
        s.put("email", user.getEmail());
        s.put("unit", user.getUnit().getCode());
        s.put("roles", sorted(user.getRoles()));
        s.put("enabled", user.isEnabled());
        return s;
    }

    private static String sorted(Set<Role> roles) {
        return roles == null ? "" : EnumSet.copyOf(roles).toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
