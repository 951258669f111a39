package vn.tandem.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * Failed logins counted for one key — an account from one client address, or one client address for all accounts
 * — and the time until which that key is blocked. Kept in the database so every node counts the same failures.
 */
@Entity
@Table(name = "login_throttle")
public class LoginThrottle {

    @Id
    @Column(name = "throttle_key")
    private String key;

    private String username;
    private String clientAddress;
    private int failures;
    private Instant lastFailureAt;
    private Instant blockedUntil;

    @Version
    private long version;

    protected LoginThrottle() {}

    LoginThrottle(String key, String username, String clientAddress) {
        this.key = key;
        this.username = username;
        this.clientAddress = clientAddress;
    }

    public String getKey() {
        return key;
    }

    public String getUsername() {
        return username;
    }

    public String getClientAddress() {
        return clientAddress;
    }

    public int getFailures() {
        return failures;
    }

    public Instant getLastFailureAt() {
        return lastFailureAt;
    }

    public Instant getBlockedUntil() {
        return blockedUntil;
    }

    public boolean isAccountKey() {
        return username != null;
    }

    boolean blockedAt(Instant now) {
        return blockedUntil != null && blockedUntil.isAfter(now);
    }

    /** Counts one more failure; returns whether this failure starts a block. */
    boolean fail(Instant now, int free, Duration base, Duration max, Duration forgetAfter) {
        if (lastFailureAt != null && lastFailureAt.plus(forgetAfter).isBefore(now)) {
            failures = 0; // an old streak is forgotten
        }
        failures++;
        lastFailureAt = now;
        if (failures <= free) {
            return false;
        }
        int doublings = Math.min(failures - free - 1, 20);
        Duration block = base.multipliedBy(1L << doublings);
        if (block.compareTo(max) > 0) {
            block = max;
        }
        blockedUntil = now.plus(block);
        return true;
    }
}
