package vn.tandem.identity;

import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import vn.tandem.audit.AuditLog;

/** Writes an audit entry (with the client IP) for each interactive login and each failed login. */
@Component
class LoginAuditListener {

    private final AuditLog audit;

    LoginAuditListener(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void onLogin(InteractiveAuthenticationSuccessEvent event) {
        audit.recordFor(event.getAuthentication().getName(), "LOGIN", Map.of());
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String name = event.getAuthentication().getName();
        String username = name == null || name.isBlank() ? "(blank)" : name.length() > 100 ? name.substring(0, 100)
                : name;
        audit.recordFor(username, "LOGIN_FAILED", Map.of("reason", event.getException().getClass().getSimpleName()));
    }
}
