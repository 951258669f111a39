package vn.tandem.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request paths that are not in normal form ({@code //engine-rest/task}, {@code /a/./b},
 * {@code /a/../b}) with 400 before anything else reads them: the servlet container and Spring disagree about where
 * such a path starts, which would otherwise end in a server error (and matchers that see one path while the
 * container dispatches another are how security checks get bypassed).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PathCheckFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        if (uri != null
                && (uri.contains("//")
                        || uri.contains("/./")
                        || uri.contains("/../")
                        || uri.endsWith("/.")
                        || uri.endsWith("/.."))) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        chain.doFilter(request, response);
    }
}
