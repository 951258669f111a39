package vn.tandem.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Base64;
import java.util.Locale;
import java.util.ResourceBundle;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops a request that carries credentials (the login form, HTTP Basic, a Bearer token) while its account and
 * address, or its address, is blocked ({@link LoginThrottling}): 429 with {@code Retry-After}, before the credentials
 * are checked. The login form gets its page back (forwarded to {@value #THROTTLED_PAGE}); the API a problem detail;
 * the engine REST API Camunda's error shape.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    static final String VERDICT = LoginThrottleFilter.class.getName() + ".verdict";
    static final String THROTTLED_PAGE = "/login/throttled";
    private static final RequestMatcher LOGIN =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

    private final LoginThrottling throttling;
    private final boolean engineRest;

    LoginThrottleFilter(LoginThrottling throttling, boolean engineRest) {
        this.throttling = throttling;
        this.engineRest = engineRest;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = LOGIN.matches(request);
        String header = request.getHeader("Authorization");
        boolean basic = header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        boolean bearer = ApiTokenFilter.bearer(request) != null;
        if (!form && !basic && !bearer) {
            chain.doFilter(request, response);
            return;
        }
        String username = form ? request.getParameter("username") : basic ? basicUser(header) : null;
        LoginThrottling.Verdict verdict = throttling.check(username, request.getRemoteAddr());
        if (!verdict.blocked()) {
            request.setAttribute(VERDICT, verdict);
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(verdict.retryAfterSeconds()));
        if (form) {
            request.setAttribute("retryAfter", verdict.retryAfterSeconds());
            request.getRequestDispatcher(THROTTLED_PAGE).forward(request, response);
            return;
        }
        response.setCharacterEncoding("UTF-8");
        long seconds = verdict.retryAfterSeconds();
        String detail = throttled(Locale.ENGLISH, seconds) + " / " + throttled(Locale.ROOT, seconds);
        if (engineRest) {
            response.setContentType("application/json");
            response.getWriter().write("{\"type\":\"TooManyRequests\",\"message\":\"" + detail + "\"}");
        } else {
            response.setContentType("application/problem+json");
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429," + "\"detail\":\""
                            + detail + "\",\"retryAfter\":" + seconds + "}");
        }
    }

    /** The bundle's words for the throttled login (a filter answers before Spring MVC's message source). */
    private static String throttled(Locale locale, long seconds) {
        ResourceBundle bundle = ResourceBundle.getBundle(
                "messages",
                locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return MessageFormat.format(bundle.getString("login.throttled"), Math.max(1, (seconds + 59) / 60));
    }

    static String basicUser(String header) {
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
