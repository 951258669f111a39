package vn.tandem.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.stereotype.Component;

/**
 * The signed-in sessions of each user, so that disabling an account or resetting its password ends them at once
 * (the next request of such a session is signed out), on every node: the sessions live in the database (Spring
 * Session JDBC) and are found by their user's name.
 */
@Component
public class SignedInSessions {

    private final SessionRegistry registry;

    SignedInSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** Ends every session of the user. */
    public void end(String username) {
        registry.getAllSessions(username, false).forEach(s -> s.expireNow());
    }

    @Configuration
    static class Beans {

        /** The sessions in the database; a web slice test without one keeps them in memory. */
        @Bean
        @SuppressWarnings({"rawtypes", "unchecked"})
        SessionRegistry sessionRegistry(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
            FindByIndexNameSessionRepository repository = sessions.getIfAvailable();
            return repository == null
                    ? new SessionRegistryImpl()
                    : new SpringSessionBackedSessionRegistry<>(repository);
        }
    }
}
