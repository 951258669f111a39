package vn.tandem.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.tandem.audit.AuditLog;

/**
 * Login throttling for every way in — the login form, HTTP Basic and Bearer tokens on {@code /api} and
 * {@code /engine-rest}. Failures are counted per account and client address, and per client address: after
 * {@value #ACCOUNT_FREE} failures of one account from one address (or {@value #ADDRESS_FREE} from one address
 * for any accounts) that key is blocked, first for {@link #BASE}, doubling with every further failure up to
 * {@link #MAX}; a streak is forgotten after {@link #FORGET_AFTER} without failures. A blocked request is answered
 * 429 with {@code Retry-After} before its credentials are even checked — the same for unknown users, and an address
 * that has not failed is never blocked. A successful login clears its account's counter. Counters live in the
 * database, so every node applies the same blocks; administrators unlock accounts and addresses (audited).
 */
@Service
public class LoginThrottling {

    static final int ACCOUNT_FREE = 5;
    static final int ADDRESS_FREE = 20;
    static final Duration BASE = Duration.ofSeconds(15);
    static final Duration MAX = Duration.ofHours(1);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    /** The account part of the key of a Bearer token attempt (no user name is known). */
    static final String TOKEN_ACCOUNT = "(token)";

    /** Whether a request may try its credentials now, and if not, for how long to wait. */
    public record Verdict(boolean blocked, long retryAfterSeconds, boolean accountCounted) {

        static final Verdict FREE = new Verdict(false, 0, false);
    }

    private final LoginThrottles throttles;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate newTransaction;
    /**
     * Keys this node found free of failures a moment ago (to the expiry, in nanoseconds): most requests carrying
     * credentials are a client's next call, and need not read the counters again. A failure here removes the key
     * at once; one counted on another node is seen here within {@link #CLEAN_FOR}.
     */
    private final Map<String, Long> clean = new ConcurrentHashMap<>();

    static final Duration CLEAN_FOR = Duration.ofSeconds(2);

    LoginThrottling(LoginThrottles throttles, AuditLog audit, Clock clock, PlatformTransactionManager transactions) {
        this.throttles = throttles;
        this.audit = audit;
        this.clock = clock;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
    }

    static String accountKey(String username, String address) {
        return "account:" + normalized(username) + "|" + address;
    }

    static String addressKey(String address) {
        return "address:" + address;
    }

    private static String normalized(String username) {
        String u = username == null || username.isBlank()
                ? TOKEN_ACCOUNT
                : username.strip().toLowerCase(Locale.ROOT);
        return u.length() > 100 ? u.substring(0, 100) : u;
    }

    @Transactional(readOnly = true)
    public Verdict check(String username, String address) {
        String pair = accountKey(username, address);
        Long until = clean.get(pair);
        if (until != null && until - System.nanoTime() > 0) {
            return Verdict.FREE;
        }
        Instant now = clock.instant();
        List<LoginThrottle> rows = throttles.findByKeyIn(List.of(pair, addressKey(address)));
        if (rows.isEmpty()) {
            if (clean.size() > 10_000) {
                clean.clear();
            }
            clean.put(pair, System.nanoTime() + CLEAN_FOR.toNanos());
        }
        long wait = 0;
        boolean accountCounted = false;
        for (LoginThrottle row : rows) {
            accountCounted |= row.isAccountKey();
            if (row.blockedAt(now)) {
                wait = Math.max(
                        wait, Duration.between(now, row.getBlockedUntil()).toSeconds() + 1);
            }
        }
        return rows.isEmpty() ? Verdict.FREE : new Verdict(wait > 0, wait, accountCounted);
    }

    /** Counts a failed attempt (in its own transaction: it must be kept although the login failed). */
    public void failed(String username, String address) {
        clean.remove(accountKey(username, address));
        clean.keySet().removeIf(k -> k.endsWith("|" + address));
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                newTransaction.executeWithoutResult(tx -> count(username, address));
                return;
            } catch (OptimisticLockingFailureException | DataIntegrityViolationException concurrent) {
                // another node or request counted at the same moment: count again on the fresh row
            }
        }
    }

    private void count(String username, String address) {
        Instant now = clock.instant();
        String name = normalized(username);
        LoginThrottle account = throttles
                .findById(accountKey(username, address))
                .orElseGet(() -> new LoginThrottle(accountKey(username, address), name, address));
        LoginThrottle byAddress = throttles
                .findById(addressKey(address))
                .orElseGet(() -> new LoginThrottle(addressKey(address), null, address));
        boolean accountBlocked = account.fail(now, ACCOUNT_FREE, BASE, MAX, FORGET_AFTER);
        boolean addressBlocked = byAddress.fail(now, ADDRESS_FREE, BASE, MAX, FORGET_AFTER);
        throttles.save(account);
        throttles.save(byAddress);
        if (accountBlocked || addressBlocked) {
            LoginThrottle blocked = accountBlocked ? account : byAddress;
            audit.recordFor(
                    name,
                    "LOGIN_THROTTLED",
                    Map.of(
                            "key",
                            blocked.getKey(),
                            "failures",
                            blocked.getFailures(),
                            "until",
                            blocked.getBlockedUntil().toString()));
        }
    }

    /** Clears the account's counter after a successful login. */
    public void succeeded(String username, String address) {
        newTransaction.executeWithoutResult(tx -> throttles.deleteByKeys(List.of(accountKey(username, address))));
    }

    /** Keys blocked now (administrators). */
    @Transactional(readOnly = true)
    public List<LoginThrottle> blocked() {
        return throttles.findByBlockedUntilAfterOrderByBlockedUntilDesc(clock.instant());
    }

    @Transactional(readOnly = true)
    public boolean isLocked(String username) {
        Instant now = clock.instant();
        return throttles.findByBlockedUntilAfterOrderByBlockedUntilDesc(now).stream()
                .anyMatch(t -> normalized(username).equals(t.getUsername()));
    }

    /** Unlocks an account from every address (administrators; audited). */
    @Transactional
    public int unlockAccount(String username) {
        int removed = throttles.deleteByUsername(normalized(username));
        audit.record("LOGIN_UNLOCKED", null, null, "user", normalized(username), Map.of("keys", removed));
        return removed;
    }

    /** Unlocks one throttling key (administrators; audited). */
    @Transactional
    public void unlockKey(String key) {
        int removed = throttles.deleteByKeys(List.of(key));
        audit.record("LOGIN_UNLOCKED", null, null, "throttle", key, Map.of("keys", removed));
    }
}
