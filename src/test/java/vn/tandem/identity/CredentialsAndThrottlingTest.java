package vn.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The pure rules behind authentication: remembered credentials, the throttling arithmetic, names of groups. */
class CredentialsAndThrottlingTest {

    @Test
    void aVerifiedPasswordIsRememberedButNeverAWrongOneAndNotAfterThePasswordChanged() {
        AtomicInteger checks = new AtomicInteger();
        PasswordEncoder counting = new PasswordEncoder() {
            final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);

            @Override
            public String encode(CharSequence raw) {
                return bcrypt.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                checks.incrementAndGet();
                return bcrypt.matches(raw, encoded);
            }
        };
        Clock clock = Clock.fixed(Instant.parse("2026-11-27T01:00:00Z"), ZoneOffset.UTC);
        VerifiedCredentialsCache cache = new VerifiedCredentialsCache(counting, clock);
        String hash = cache.encode("correct horse");
        assertThat(cache.matches("correct horse", hash)).isTrue();
        assertThat(cache.matches("correct horse", hash)).isTrue();
        assertThat(checks).hasValue(1);
        assertThat(cache.matches("wrong", hash)).isFalse();
        assertThat(cache.matches("wrong", hash)).isFalse();
        assertThat(checks).hasValue(3);
        String changed = cache.encode("battery staple");
        assertThat(cache.matches("correct horse", changed)).isFalse();
        assertThat(cache.matches("battery staple", changed)).isTrue();
    }

    @Test
    void blocksStartAfterTheFreeFailuresAndDoubleUpToTheCap() {
        LoginThrottle key = new LoginThrottle("account:a|1.2.3.4", "a", "1.2.3.4");
        Instant now = Instant.parse("2026-11-27T01:00:00Z");
        for (int i = 0; i < LoginThrottling.ACCOUNT_FREE; i++) {
            assertThat(fail(key, now)).isFalse();
        }
        assertThat(key.blockedAt(now)).isFalse();
        assertThat(fail(key, now)).isTrue();
        assertThat(Duration.between(now, key.getBlockedUntil())).isEqualTo(LoginThrottling.BASE);
        assertThat(fail(key, now)).isTrue();
        assertThat(Duration.between(now, key.getBlockedUntil())).isEqualTo(LoginThrottling.BASE.multipliedBy(2));
        for (int i = 0; i < 30; i++) {
            fail(key, now);
        }
        assertThat(Duration.between(now, key.getBlockedUntil())).isEqualTo(LoginThrottling.MAX);
        // an hour later without failures the streak starts again
        Instant later =
                key.getLastFailureAt().plus(LoginThrottling.FORGET_AFTER).plusSeconds(1);
        assertThat(fail(key, later)).isFalse();
        assertThat(key.getFailures()).isEqualTo(1);
    }

    private static boolean fail(LoginThrottle key, Instant at) {
        return key.fail(
                at,
                LoginThrottling.ACCOUNT_FREE,
                LoginThrottling.BASE,
                LoginThrottling.MAX,
                LoginThrottling.FORGET_AFTER);
    }

    @Test
    void candidateGroupsAreReadAndWrittenInOnePlace() {
        assertThat(CandidateGroup.parse("congan-officer")).contains(CandidateGroup.of("CONGAN", Role.OFFICER));
        assertThat(CandidateGroup.parse("danvan-supervisor-province"))
                .contains(CandidateGroup.provincialSupervisors("DANVAN"));
        assertThat(CandidateGroup.provincialSupervisors("MTTQ").toString()).isEqualTo("mttq-supervisor-province");
        assertThat(CandidateGroup.parse("congan-officer-province")).isEmpty();
        assertThat(CandidateGroup.parse("congan-hacker")).isEmpty();
        assertThat(CandidateGroup.parse("${x}-officer")).isEmpty();
    }

    @Test
    void passwordsFollowThePolicy() {
        assertThat(PasswordPolicy.check("p", "can.bo", "short"))
                .extracting(p -> p.code())
                .containsExactly("password.tooShort");
        assertThat(PasswordPolicy.check("p", "can.bo", "xx-can.bo-2026"))
                .extracting(p -> p.code())
                .containsExactly("password.containsUsername");
        assertThat(PasswordPolicy.check("p", "can.bo", "abababababab"))
                .extracting(p -> p.code())
                .containsExactly("password.tooSimple");
        assertThat(PasswordPolicy.check("p", "can.bo", "password1234"))
                .extracting(p -> p.code())
                .containsExactly("password.common");
        assertThat(PasswordPolicy.check("p", "can.bo", "Rung-tre-xanh-2026")).isEmpty();
    }
}
