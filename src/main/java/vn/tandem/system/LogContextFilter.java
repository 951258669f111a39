package vn.tandem.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the signed-in user ({@code user}) and the case a request is about ({@code caseCode}, from its path) into the
 * logging context, so every log line of the request carries them (as fields of the structured JSON logs).
 */
class LogContextFilter extends OncePerRequestFilter {

    static final String USER = "user";
    static final String CASE = "caseCode";
    private static final Pattern CASE_PATH = Pattern.compile("/(?:api/)?cases/([A-Z]{2,4}-\\d{4}-\\d{1,9})(?:/|$)");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            MDC.put(USER, auth.getName());
        }
        Matcher m = CASE_PATH.matcher(request.getRequestURI());
        if (m.find()) {
            MDC.put(CASE, m.group(1));
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(USER);
            MDC.remove(CASE);
        }
    }
}
