package vn.tandem.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The signed-in sessions of each user, so that disabling an account or resetting its password ends them at once
 * (the next request of such a session is signed out).
 */
@Component
public class SignedInSessions {

    private final SessionRegistry registry;

    SignedInSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** Ends every session of the user. */
    public void end(String username) {
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof TandemPrincipal p && p.getUsername().equalsIgnoreCase(username)) {
                registry.getAllSessions(principal, false).forEach(s -> s.expireNow());
            }
        }
    }

    @Configuration
    static class Beans {

        @Bean
        SessionRegistry sessionRegistry() {
            return new SessionRegistryImpl();
        }

        /** Tells the registry when a session ends (logout, timeout). */
        @Bean
        HttpSessionEventPublisher httpSessionEventPublisher() {
            return new HttpSessionEventPublisher();
        }
    }
}
