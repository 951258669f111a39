package vn.tandem.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * A page refused: the styled error page with 403 — except a form posted after the session ended (its security token
 * belonged to the old session): then what was typed is kept ({@link KeptForm}), the user signs in again and comes
 * back to the form's page with it, instead of losing it to an error.
 */
class PageAccessDenied implements AccessDeniedHandler {

    private final RequestCache requests = new HttpSessionRequestCache();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        if (!navigation(request)) {
            // a page's background call (a draft save, the bell): no page, no session, nothing to come back to
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (denied instanceof CsrfException && "POST".equals(request.getMethod()) && !signedIn()) {
            KeptForm.keep(request);
            // after signing in, back to the form's page (a GET of the same address), not a replay of the post
            requests.saveRequest(new AsPageVisit(request), response);
            response.sendRedirect(request.getContextPath() + "/login?kept");
            return;
        }
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    /**
     * Whether the browser is loading a page (a link, a form), not a page's script fetching something: browsers say
     * so in {@code Sec-Fetch-Mode}; htmx marks its requests.
     */
    static boolean navigation(HttpServletRequest request) {
        String mode = request.getHeader("Sec-Fetch-Mode");
        return request.getHeader("HX-Request") == null && (mode == null || "navigate".equals(mode));
    }

    private static boolean signedIn() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    /** The posted request seen as a visit of the same page. */
    private static final class AsPageVisit extends HttpServletRequestWrapper {

        private static final Set<String> BODY_HEADERS = Set.of("content-type", "content-length", "transfer-encoding");

        AsPageVisit(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getQueryString() {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        /** The post's body headers do not belong to a page visit (a multipart type would be parsed again). */
        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(h -> !BODY_HEADERS.contains(h.toLowerCase(Locale.ROOT)))
                    .toList());
        }

        @Override
        public String getContentType() {
            return null;
        }
    }
}
