package vn.tandem.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.tandem.common.web.FailedForm;

/**
 * What a user had typed in a form that reached the server after their session had ended (the form's security token
 * belonged to the old session): kept in the new session while they sign in again, and given back once to the page
 * of the form, which shows it as typed. Nothing is submitted on their behalf.
 *
 * @param path the form's page (the path it was posted to)
 * @param values the fields as typed (security fields left out)
 */
public record KeptForm(String path, Map<String, String> values) implements Serializable {

    static final String SESSION_KEY = KeptForm.class.getName();

    public KeptForm {
        values = new LinkedHashMap<>(values);
    }

    /** Keeps the request's fields in its (new) session. */
    static void keep(HttpServletRequest request) {
        Map<String, String> values = FailedForm.typedIn(request);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        request.getSession(true).setAttribute(SESSION_KEY, new KeptForm(path, values));
    }

    /** The fields kept for the form at {@code path}, once: a reload shows the form as stored. */
    public static Optional<KeptForm> take(HttpServletRequest request, String path) {
        HttpSession session = request.getSession(false);
        if (session == null
                || !(session.getAttribute(SESSION_KEY) instanceof KeptForm kept)
                || !kept.path.equals(path)) {
            return Optional.empty();
        }
        session.removeAttribute(SESSION_KEY);
        return Optional.of(kept);
    }
}
