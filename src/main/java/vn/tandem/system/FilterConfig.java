package vn.tandem.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

/** The servlet filters that run once the caller is known (after Spring Security's). */
@Configuration
class FilterConfig {

    /** Idempotency keys on the API's writes, once the caller is known (after Spring Security's filters). */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotencyRecords records,
            MessageSource messages,
            LocaleResolver localeResolver,
            ObjectMapper json,
            Clock clock) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(records, messages, localeResolver, json, clock));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }

    /** The user and the case of a request in every log line it writes. */
    @Bean
    FilterRegistrationBean<LogContextFilter> logContextFilter() {
        FilterRegistrationBean<LogContextFilter> registration = new FilterRegistrationBean<>(new LogContextFilter());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 5);
        return registration;
    }
}
