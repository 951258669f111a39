package vn.tandem.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.tandem.audit.AuditLog;

/**
 * Writes an audit entry (with the client address) for each interactive login and each failed login, and keeps the
 * login throttling counters: a failure counts against the account and the address, a success clears the account's.
 */
@Component
class LoginAuditListener {

    private final AuditLog audit;
    private final LoginThrottling throttling;

    LoginAuditListener(AuditLog audit, LoginThrottling throttling) {
        this.audit = audit;
        this.throttling = throttling;
    }

    @EventListener
    void onLogin(InteractiveAuthenticationSuccessEvent event) {
        audit.recordFor(event.getAuthentication().getName(), "LOGIN", Map.of());
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        String address = address(event.getAuthentication());
        if (address == null) {
            return; // not a login from a client (e.g. a token, or an internal authentication)
        }
        HttpServletRequest request = request();
        boolean counted = request == null
                || !(request.getAttribute(LoginThrottleFilter.VERDICT) instanceof LoginThrottling.Verdict verdict)
                || verdict.accountCounted();
        if (counted) {
            throttling.succeeded(event.getAuthentication().getName(), address);
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String name = event.getAuthentication().getName();
        String username =
                name == null || name.isBlank() ? "(blank)" : name.length() > 100 ? name.substring(0, 100) : name;
        audit.recordFor(
                username,
                "LOGIN_FAILED",
                Map.of("reason", event.getException().getClass().getSimpleName()));
        String address = address(event.getAuthentication());
        if (address != null) {
            throttling.failed(name, address);
        }
    }

    /** The client address of a form or HTTP Basic login (Spring records it in the authentication's details). */
    private static String address(Authentication authentication) {
        if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
            return details.getRemoteAddress();
        }
        HttpServletRequest request = request();
        return request == null ? null : request.getRemoteAddr();
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
                ? attrs.getRequest()
                : null;
    }
}
