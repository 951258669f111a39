package vn.tandem.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a page's form handler: a user's mistake (400) or a conflict (409) goes back to the page it came from with the
 * reason as the flash message, instead of an error page; the handler itself says only what success does. The
 * value is the page, with the handler's path variables in braces (e.g. {@code /cases/{code}#shares}).
 * Not found (404) and forbidden (403) still answer the error page.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RedirectOnError {

    String value();

    /**
     * The id of the form on that page: the reason then shows beside the form's fields (or under the form when no
     * field is at fault) with what was typed kept, instead of as a banner at the top of the page.
     */
    String form() default "";
}
