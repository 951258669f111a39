package vn.tandem.common;

/**
 * The characters user text may hold: no control characters other than tab, line feed and carriage return (no NUL),
 * and no half of a surrogate pair (such text cannot be stored or shown faithfully). Every text a user sends —
 * JSON bodies and form fields — is checked against it.
 */
public final class CleanText {

    private CleanText() {}

    public static boolean isClean(CharSequence text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds the problem of a text field to {@code problems}, if any: missing when required, longer than {@code max}
     * once trimmed, or holding characters {@link #isClean} refuses.
     */
    public static void check(
            java.util.List<FieldProblem> problems, String field, String value, boolean required, int max) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "validation.required"));
            }
        } else if (value.strip().length() > max) {
            problems.add(new FieldProblem(field, "validation.maxLength", max));
        } else if (!isClean(value)) {
            problems.add(new FieldProblem(field, "validation.characters"));
        }
    }
}
