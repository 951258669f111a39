package vn.tandem.process.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.tandem.common.web.CachedBodyRequest;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Role;
import vn.tandem.identity.TandemPrincipal;

/**
 * The engine REST API runs with the caller as the engine's authenticated user, so the engine's own authorization
 * applies on top of Spring Security's role check: admins are in the engine's admin group; designers are in
 * {@value #DESIGNERS}, which may deploy and read definitions but not read cases' instances, tasks or variables
 * (designers see no cases in Tandem either). Tandem's own code runs without an engine authentication, so the
 * engine does not check it.
 */
@Configuration
class EngineRestSecurity {

    static final String DESIGNERS = "tandem-designers";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineRestAuthentication(IdentityService identity) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Authentication auth = SecurityContextHolder.getContext().getAuthentication();
                if (auth == null || !(auth.getPrincipal() instanceof TandemPrincipal principal)) {
                    chain.doFilter(request, response);
                    return;
                }
                CurrentUser user = principal.user();
                List<String> groups = new ArrayList<>(user.groups());
                if (user.has(Role.ADMIN)) {
                    groups.add(Groups.CAMUNDA_ADMIN);
                }
                if (user.has(Role.DESIGNER)) {
                    groups.add(DESIGNERS);
                }
                identity.setAuthentication(user.username(), groups);
                try {
                    chain.doFilter(request, response);
                } finally {
                    identity.clearAuthentication();
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(10); // after Spring Security (-100), before the Jersey servlet
        return registration;
    }

    /**
     * Refuses expressions in engine REST queries, wherever they hide: any query parameter or JSON property (at any
     * depth, so also inside {@code orQueries} and stored filters) named {@code ...Expression} answers 400. The
     * engine's own switch ({@code enableExpressionsInAdhocQueries=false}) misses the or-queries.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineRestQueryExpressions(ObjectMapper json) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                for (var parameter : request.getParameterMap().entrySet()) {
                    if (isExpression(parameter.getKey(), String.join("", parameter.getValue()))) {
                        refuse(response, parameter.getKey());
                        return;
                    }
                }
                String type = request.getContentType();
                if (type == null || !type.toLowerCase(Locale.ROOT).contains("json")) {
                    chain.doFilter(request, response);
                    return;
                }
                byte[] body = request.getInputStream().readAllBytes();
                String found = null;
                try {
                    found = expressionIn(json.readTree(body));
                } catch (IOException notJson) {
                    // the engine answers malformed JSON itself
                }
                if (found != null) {
                    refuse(response, found);
                    return;
                }
                chain.doFilter(new CachedBodyRequest(request, body), response);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(5);
        return registration;
    }

    static boolean isExpression(String name, String value) {
        return name.endsWith("Expression") && value != null && !value.isBlank();
    }

    /** The name of the first property named {@code ...Expression} with a value, or null. */
    static String expressionIn(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                var field = it.next();
                if (isExpression(
                        field.getKey(),
                        field.getValue().isNull() ? null : field.getValue().asText(" "))) {
                    return field.getKey();
                }
                String inner = expressionIn(field.getValue());
                if (inner != null) {
                    return inner;
                }
            }
        } else if (node.isArray()) {
            for (var item : node) {
                String inner = expressionIn(item);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    static void refuse(HttpServletResponse response, String parameter) throws IOException {
        response.setStatus(400);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("{\"type\":\"BadUserRequestException\",\"message\":\"Expressions are not "
                        + "allowed in queries (" + parameter.replaceAll("[^A-Za-z0-9]", "") + ")\"}");
    }

    /**
     * The engine permissions of Tandem's engine groups, set on every start (so a grant stored by an older version is
     * corrected): the admin group gets everything (what the Camunda webapps' setup grants it), designers may create
     * and read deployments and read definitions — nothing that deletes, suspends or changes a running case.
     */
    @Bean
    ApplicationRunner engineAuthorizations(AuthorizationService authorizations) {
        return (ApplicationArguments args) -> {
            for (Resources resource : Resources.values()) {
                grant(authorizations, Groups.CAMUNDA_ADMIN, resource, Permissions.ALL);
            }
            for (Resources resource : Resources.values()) {
                switch (resource) {
                    case DEPLOYMENT -> grant(authorizations, DESIGNERS, resource, Permissions.CREATE, Permissions.READ);
                    case PROCESS_DEFINITION, DECISION_DEFINITION, DECISION_REQUIREMENTS_DEFINITION ->
                        grant(authorizations, DESIGNERS, resource, Permissions.READ);
                    default -> revoke(authorizations, DESIGNERS, resource);
                }
            }
        };
    }

    private static void grant(
            AuthorizationService authorizations, String group, Resource resource, Permissions... permissions) {
        Authorization grant = authorizations
                .createAuthorizationQuery()
                .groupIdIn(group)
                .resourceType(resource)
                .resourceId(Authorization.ANY)
                .list()
                .stream()
                .findFirst()
                .orElse(null);
        if (grant == null) {
            grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            grant.setGroupId(group);
            grant.setResource(resource);
            grant.setResourceId(Authorization.ANY);
        } else if (Set.of(grant.getPermissions(Permissions.values())).equals(Set.of(permissions))) {
            return;
        }
        grant.setPermissions(permissions);
        authorizations.saveAuthorization(grant);
    }

    private static void revoke(AuthorizationService authorizations, String group, Resource resource) {
        authorizations
                .createAuthorizationQuery()
                .groupIdIn(group)
                .resourceType(resource)
                .list()
                .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    }
}
