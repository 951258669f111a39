package vn.tandem.common;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as search compares it: Vietnamese folded to plain letters (diacritics dropped, {@code đ} → {@code d}), lower
 * case, spaces collapsed — a title with diacritics and the same words typed plain, in any case, fold alike. Stored beside what people search (cases, inbox
 * rows, audit entries) so the database filters, pages and counts on the folded form.
 */
public final class Folding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Folding() {}

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return SPACES.matcher(MARKS.matcher(decomposed).replaceAll(""))
                .replaceAll(" ")
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    /** The folded words joined, at most {@code max} characters (a column's size). */
    public static String fold(int max, String... parts) {
        String folded = fold(String.join(
                " ", Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).toList()));
        return folded.length() <= max ? folded : folded.substring(0, max);
    }

    /** A LIKE pattern matching the folded text anywhere ({@code %} and {@code _} typed by the user match literally). */
    public static String containsPattern(String query) {
        return "%" + fold(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
