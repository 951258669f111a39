package vn.tandem.common.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A side form that was refused, carried over the redirect back to its page (a flash attribute named {@value #NAME}):
 * the page shows each field's reason beside it and the input as typed. Templates ask by form id, so another form on
 * the same page with a field of the same name stays untouched, e.g. {@code failedForm?.value('share-form',
 * 'reason')}.
 *
 * @param form the form's id on the page
 * @param errors each field's reason, in the user's language
 * @param input what was typed, by field name (files are not kept: the browser cannot be given them back)
 * @param message the reason when no field is at fault (a conflict), or null
 */
public record FailedForm(String form, Map<String, String> errors, Map<String, String> input, String message)
        implements Serializable {

    public static final String NAME = "failedForm";

    public FailedForm {
        errors = new LinkedHashMap<>(errors);
        input = new LinkedHashMap<>(input);
    }

    /**
     * What a person typed in a posted form: each field's last value, without the page's own fields ({@code _csrf},
     * {@code _form}, {@code _once}, {@code lang}).
     */
    public static Map<String, String> typedIn(HttpServletRequest request) {
        Map<String, String> typed = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.startsWith("_") && !"lang".equals(name) && values.length > 0) {
                typed.put(name, values[values.length - 1]);
            }
        });
        return typed;
    }

    public boolean is(String formId) {
        return form.equals(formId);
    }

    /** The reason for a field of that form, or null. */
    public String error(String formId, String field) {
        return is(formId) ? errors.get(field) : null;
    }

    public boolean hasError(String formId, String field) {
        return error(formId, field) != null;
    }

    /** What was typed in a field of that form, or null. */
    public String value(String formId, String field) {
        return is(formId) ? input.get(field) : null;
    }

    /** The reasons for fields other than those the form shows (comma-separated), so no reason goes unseen. */
    public List<String> otherErrors(String formId, String shownFields) {
        if (!is(formId)) {
            return List.of();
        }
        Set<String> shown = Set.of(shownFields.split(","));
        return errors.entrySet().stream()
                .filter(e -> !shown.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .toList();
    }

    /** The reasons not tied to a field of that form (a conflict, a field the form does not show), or null. */
    public String message(String formId) {
        return is(formId) ? message : null;
    }
}
