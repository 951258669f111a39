package vn.tandem.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Every page and endpoint requires login, except the login page, static assets and health probes.
 * <ul>
 * <li>Pages use form login with a session (cookie {@code SameSite=Lax}, {@code Secure} behind HTTPS — see
 * docs/security.md); every state-changing page request needs its CSRF token.
 * <li>{@code /api} also accepts HTTP Basic and personal API tokens ({@code Authorization: Bearer}); only a request
 * that carries such credentials and no session cookie is exempt from CSRF (a session request always needs its
 * token, whatever else it carries). Anonymous calls answer 401, a missing role 403.
 * <li>The engine's REST API ({@code /engine-rest}, for Camunda Modeler and integrators) has its own stateless
 * chain: HTTP Basic or a token against Tandem's users, designers and admins only (anonymous 401, others 403, every
 * operation).
 * <li>Failed logins are throttled on every way in ({@link LoginThrottling}); verified Basic credentials are
 * remembered briefly so a script does not pay for BCrypt on every call ({@link VerifiedCredentialsCache}).
 * </ul>
 * The Camunda webapps (Cockpit) are not shipped (ADR 0004).
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
    /** The metrics a Prometheus server scrapes (admins; HTTP Basic or a personal API token). */
    static final RequestMatcher METRICS =
            PathPatternRequestMatcher.withDefaults().matcher("/actuator/prometheus");

    static final RequestMatcher API_DOCS =
            PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs/**");
    static final RequestMatcher ENGINE_REST =
            PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**");

    @Bean
    PasswordEncoder passwordEncoder(Clock clock) {
        return new VerifiedCredentialsCache(new BCryptPasswordEncoder(), clock);
    }

    /**
     * What is public on purpose: Open311 (its own API keys, checked by the endpoint), the citizen status page and its
     * API. No session, no login, no CSRF token (nothing here acts for a signed-in user).
     */
    static final RequestMatcher PUBLIC = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher("/open311/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/api/public/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/public/**"));

    @Bean
    @Order(0)
    SecurityFilterChain publicChannels(HttpSecurity http) throws Exception {
        http.securityMatcher(PUBLIC)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http, AccessTokens tokens, LoginThrottling throttling)
            throws Exception {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Tandem engine API");
        http.securityMatcher(ENGINE_REST)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyRole(Role.DESIGNER.name(), Role.ADMIN.name()))
                .httpBasic(b -> b.authenticationEntryPoint(basic)
                        // a call with its own credentials starts no session (sessions live in the database)
                        .securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new LoginThrottleFilter(throttling, true), BasicAuthenticationFilter.class)
                .addFilterBefore(
                        new ApiTokenFilter(tokens, throttling, basic, ENGINE_REST), BasicAuthenticationFilter.class)
                .exceptionHandling(ex -> ex.authenticationEntryPoint(basic)
                        .accessDeniedHandler((request, response, e) -> engineDenied(response)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(
            HttpSecurity http,
            AccessTokens tokens,
            LoginThrottling throttling,
            MessageSource messages,
            LocaleResolver locales)
            throws Exception {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Tandem");
        http.authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login",
                                LoginThrottleFilter.THROTTLED_PAGE,
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/vendor/**",
                                "/favicon.ico",
                                "/manifest.webmanifest",
                                "/sw.js",
                                "/actuator/health/**",
                                "/error")
                        .permitAll()
                        .requestMatchers("/camunda/**")
                        .denyAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(Role.ADMIN.name())
                        .anyRequest()
                        .authenticated())
                .formLogin(form ->
                        form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // only a page the browser navigated to is worth coming back to after signing in; a script's
                // background call must not start a session (it would replace the one a tab is signing in with)
                .requestCache(cache -> cache.requestCache(pageVisits()))
                .httpBasic(b -> b.authenticationEntryPoint(basic)
                        // a call with its own credentials starts no session (sessions live in the database)
                        .securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfig::isSessionlessApiCallWithCredentials)
                        .csrfTokenRepository(new NoSessionForApiCsrf(API)))
                .addFilterAfter(new LoginThrottleFilter(throttling, false), CsrfFilter.class)
                // pages are used with a session: a token is accepted on the API only
                .addFilterBefore(
                        new ApiTokenFilter(tokens, throttling, basic, new OrRequestMatcher(API, METRICS)),
                        BasicAuthenticationFilter.class)
                .exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(
                                basic, new OrRequestMatcher(API, API_DOCS, METRICS))
                        // a page's script (a diagram, the bell) without a session gets 401, not the login page:
                        // following the redirect would start a session that replaces the one a tab signs in with
                        .defaultAuthenticationEntryPointFor(
                                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                request -> !PageAccessDenied.navigation(request))
                        .defaultAccessDeniedHandlerFor(
                                (request, response, e) -> apiDenied(request, response, e, basic, messages, locales),
                                API)
                        // with one mapping Spring Security would answer pages with the API's handler too
                        .defaultAccessDeniedHandlerFor(new PageAccessDenied(), AnyRequestMatcher.INSTANCE))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "script-src 'self'; object-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    /**
     * The only requests exempt from CSRF: API calls that carry their own credentials (HTTP Basic or a Bearer token)
     * and no session — a browser attaches neither a token header nor, without a session, anything that would
     * authenticate a forged request. A request with a session cookie always needs its token.
     */
    /** The request cache of the pages: GET navigations of a browser, never a script's or the API's calls. */
    static RequestCache pageVisits() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(request -> "GET".equals(request.getMethod())
                && PageAccessDenied.navigation(request)
                && !API.matches(request)
                && !API_DOCS.matches(request));
        return cache;
    }

    static boolean isSessionlessApiCallWithCredentials(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        boolean credentials = header != null
                && (header.regionMatches(true, 0, "Basic ", 0, 6) || header.regionMatches(true, 0, "Bearer ", 0, 7));
        return credentials
                && API.matches(request)
                && request.getRequestedSessionId() == null
                && request.getSession(false) == null;
    }

    /** 401 for an anonymous caller (also when the CSRF check stops it first), 403 for a signed-in one. */
    private static void apiDenied(
            HttpServletRequest request,
            HttpServletResponse response,
            AccessDeniedException e,
            BasicAuthenticationEntryPoint basic,
            MessageSource messages,
            LocaleResolver locales)
            throws IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            basic.commence(request, response, new AuthenticationException("Authentication required") {});
            return;
        }
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        String detail = messages.getMessage("error.forbidden", null, locales.resolveLocale(request));
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                        + "\"detail\":\"" + detail.replace("\"", "'") + "\",\"instance\":\""
                        + request.getRequestURI().replace("\"", "") + "\"}");
    }

    private static void engineDenied(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("{\"type\":\"AuthorizationException\",\"message\":\"Only designers and "
                        + "administrators may use the engine API\"}");
    }
}
