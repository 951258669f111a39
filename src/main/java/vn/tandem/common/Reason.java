package vn.tandem.common;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The written reason an audited act needs (revealing an identity, pausing a clock, changing a rule, deleting a
 * deployment…): {@value #MIN} to {@value #MAX} characters. On a request body it is checked by Bean Validation; the
 * services check it again with {@link Reasons#problem} for their other callers, with the same bounds and message keys.
 */
@Documented
@Constraint(validatedBy = {})
@Target({FIELD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
@NotBlank(message = "{validation.required}")
@Size(min = Reason.MIN, message = "{validation.size.min}")
@Size(max = Reason.MAX, message = "{validation.size.max}")
public @interface Reason {

    int MIN = 10;

    int MAX = 1000;

    String message() default "{validation.invalid}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
