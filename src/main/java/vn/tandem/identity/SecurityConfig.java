package vn.tandem.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every page and endpoint requires login. Pages use form login with a session; {@code /api} also accepts HTTP
 * Basic, and only Basic-authenticated API calls are exempt from CSRF (a browser session still needs the token).
 * The engine's REST API ({@code /engine-rest}, for Camunda Modeler and integrators) has its own stateless chain:
 * HTTP Basic against Tandem's users, designers and admins only (anonymous 401, others 403, every operation).
 * The Camunda webapps (Cockpit) are not shipped (ADR 0004).
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
    static final RequestMatcher API_DOCS = PathPatternRequestMatcher.withDefaults().matcher("/v3/api-docs/**");

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    static final RequestMatcher ENGINE_REST = PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**");

    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain engineRest(HttpSecurity http) throws Exception {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Tandem engine API");
        http.securityMatcher(ENGINE_REST)
            .authorizeHttpRequests(auth -> auth.anyRequest().hasAnyRole(Role.DESIGNER.name(), Role.ADMIN.name()))
            .httpBasic(b -> b.authenticationEntryPoint(basic))
            .sessionManagement(s -> s.sessionCreationPolicy(
                    org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
            .csrf(csrf -> csrf.disable())
            .exceptionHandling(ex -> ex.authenticationEntryPoint(basic)
                .accessDeniedHandler(SecurityConfig::apiAccessDenied));
        return http.build();
    }

    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName("Tandem");
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/vendor/**",
                        "/favicon.ico", "/actuator/health/**", "/error")
                .permitAll()
                .requestMatchers("/camunda/**").denyAll()
                .anyRequest().authenticated())
            .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
            .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
            .httpBasic(b -> b.authenticationEntryPoint(basic))
            .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfig::isBasicAuthenticatedApiCall))
            .exceptionHandling(ex -> ex
                .defaultAuthenticationEntryPointFor(basic, new OrRequestMatcher(API, API_DOCS))
                .defaultAccessDeniedHandlerFor(SecurityConfig::apiAccessDenied, API))
            .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                    "default-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                            + "script-src 'self'; object-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    static boolean isBasicAuthenticatedApiCall(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return API.matches(request) && header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
    }

    private static void apiAccessDenied(HttpServletRequest request, HttpServletResponse response,
            org.springframework.security.access.AccessDeniedException e) throws IOException {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                + "\"detail\":\"Access denied / Không có quyền truy cập\",\"instance\":\""
                + request.getRequestURI().replace("\"", "") + "\"}");
    }
}
