package vn.tandem.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * CSRF tokens live in the session of the pages. A call to the API, or a page's background call (a draft save, the
 * bell), never starts a session for one: arriving without the session cookie (the session ended, the cookie was
 * removed) it would otherwise hand the browser a new anonymous session and sign the user out of the tab they are
 * working in.
 */
final class NoSessionForApiCsrf implements CsrfTokenRepository {

    private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();
    private final RequestMatcher api;

    NoSessionForApiCsrf(RequestMatcher api) {
        this.api = api;
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return sessions.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) == null && (api.matches(request) || !PageAccessDenied.navigation(request))) {
            return;
        }
        sessions.saveToken(token, request, response);
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return sessions.loadToken(request);
    }
}
