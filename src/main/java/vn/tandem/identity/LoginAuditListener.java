package vn.tandem.identity;

import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import vn.tandem.audit.AuditLog;

/** Writes an audit entry for each interactive (form) login. */
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
}
