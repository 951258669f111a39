package vn.tandem.exchange;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A request for information to the partner agency, as the case page's form and the API send it. Validated by the
 * caller ({@code @Valid}); {@link Exchange#ask} checks what needs the directory and the rules: the agency exists
 * and is not the asker's own, and the due date by rule when none is given.
 *
 * @param toAgency the agency asked, by code
 * @param question what is asked
 * @param dueDate the day the answer is due; empty for the information-request rule in force (5 working days)
 * @param urgency {@code NORMAL} (the default) or {@code URGENT}
 */
public record InformationRequestForm(
        @NotBlank(message = "{validation.toAgency}") String toAgency,

        @NotBlank(message = "{validation.required}")
        @Size(min = InformationRequestForm.QUESTION_MIN, message = "{validation.size.min}")
        @Size(max = InformationRequestForm.QUESTION_MAX, message = "{validation.size.max}")
        String question,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @FutureOrPresent(message = "{validation.future}")
        LocalDate dueDate,

        @Pattern(regexp = "NORMAL|URGENT", message = "{validation.option}")
        String urgency) {

    public static final int QUESTION_MIN = 5;

    public static final int QUESTION_MAX = 5000;

    public static final String NORMAL = "NORMAL";
    public static final String URGENT = "URGENT";

    /** The urgency asked for, {@code NORMAL} when none. */
    public String urgencyOrDefault() {
        return urgency == null || urgency.isBlank() ? NORMAL : urgency;
    }
}
