package vn.tandem.system;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.boot.web.servlet.filter.OrderedRequestContextFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Vietnamese by default; {@code ?lang=en} or {@code ?lang=vi} switches and is remembered in a cookie. */
@Configuration
class WebConfig implements WebMvcConfigurer {

    private final OnceTokens onceTokens;

    WebConfig(OnceTokens onceTokens) {
        this.onceTokens = onceTokens;
    }

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /**
     * The request context before Spring Security (as Spring MVC registers it), so audit entries written during
     * authentication know the client's address; without this bean the engine REST API's Jersey configuration would
     * register one that runs after security.
     */
    @Bean
    OrderedRequestContextFilter requestContextFilter() {
        return new OrderedRequestContextFilter();
    }

    /**
     * Links in pages are written as the templates give them, not passed through the static-resource chain: with the
     * webjars locator on the class path Spring Boot wraps every response so each {@code @{...}} link is looked up
     * as a static resource, and a link that is not one (every page link) is searched in every jar again on every
     * render — 76% of the inbox page's rendering time (docs/benchmarks.md). Nothing is lost: no version strategy
     * rewrites resource URLs, and version-less webjar links are resolved when the browser asks for them.
     */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<
                    org.springframework.web.servlet.resource.ResourceUrlEncodingFilter>
            resourceUrlEncodingFilter() {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                new org.springframework.web.servlet.resource.ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    /** Bean Validation's "today" (@PastOrPresent…) is the application's clock, as for every other date rule. */
    @Bean
    ValidationConfigurationCustomizer validationClock(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock);
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("tandem-lang");
        resolver.setDefaultLocaleFunction(WebConfig::defaultLocale);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    static final List<Locale> SUPPORTED = List.of(VIETNAMESE, Locale.ENGLISH);

    /**
     * Without a chosen language: an API client gets the language it asks for with {@code Accept-Language} (when
     * Tandem speaks it); pages are Vietnamese first, whatever the browser's settings.
     */
    static Locale defaultLocale(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (header == null || header.isBlank() || !path.startsWith("/api/")) {
            return VIETNAMESE;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return match == null ? VIETNAMESE : match;
        } catch (IllegalArgumentException e) {
            return VIETNAMESE;
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
        registry.addInterceptor(onceTokens);
    }
}
