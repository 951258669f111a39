package vn.tandem.identity;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The signed-in sessions of each user, so that disabling an account or resetting its password ends them at once, on
 * every node: the sessions live in the database (Spring Session JDBC), found by their user's name and deleted; the
 * next request of such a session is signed out.
 */
@Component
public class SignedInSessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

    SignedInSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        this.sessions = sessions;
    }

    /** Ends every session of the user. */
    public void end(String username) {
        FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
        if (repository != null) {
            repository.findByPrincipalName(username).keySet().forEach(repository::deleteById);
        }
    }
}
