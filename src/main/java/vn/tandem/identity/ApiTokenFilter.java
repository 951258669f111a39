package vn.tandem.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.tandem.common.ViaApiToken;

/**
 * Authenticates {@code Authorization: Bearer <token>} with a personal API token ({@link AccessTokens}) as the
 * token's owner, for this request only. A token that is unknown, revoked, expired or whose owner is disabled answers
 * 401 and counts as a failed login for the client address.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    /** The authentication details of a token request: which token, for the audit trail. */
    record TokenDetails(long apiTokenId, String remoteAddress) implements ViaApiToken, java.io.Serializable {}

    private final AccessTokens tokens;
    private final LoginThrottling throttling;
    private final AuthenticationEntryPoint entryPoint;
    private final RequestMatcher applies;

    /** @param applies the requests a token is accepted on (on others a Bearer header is ignored) */
    ApiTokenFilter(
            AccessTokens tokens,
            LoginThrottling throttling,
            AuthenticationEntryPoint entryPoint,
            RequestMatcher applies) {
        this.tokens = tokens;
        this.throttling = throttling;
        this.entryPoint = entryPoint;
        this.applies = applies;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !applies.matches(request);
    }

    static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip()
                : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = bearer(request);
        if (secret == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<AccessTokens.Holder> holder = tokens.authenticate(secret);
        if (holder.isEmpty()) {
            throttling.failed(null, request.getRemoteAddr());
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("Invalid API token"));
            return;
        }
        TandemPrincipal principal = holder.get().principal();
        UsernamePasswordAuthenticationToken authentication =
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
        authentication.setDetails(new TokenDetails(holder.get().tokenId(), request.getRemoteAddr()));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
