package vn.tandem.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * Words stored for a reader to read later (a timeline entry, a notification): a message key with its arguments,
 * rendered from the bundles in the reader's language when shown; or a value that is not Tandem's own words — a
 * user's text, a name, a label from a BPMN model — with its English form where the source has one.
 *
 * @param key a key of {@code messages.properties}, or null for a value
 * @param args the key's arguments, each itself a text (so an argument may be translated too)
 * @param value the value when there is no key
 * @param valueEn the value in English, when the source has one
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Text(String key, List<Text> args, String value, String valueEn) {

    public Text {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** A message key and its arguments; an argument that is not a {@code Text} is shown as it is. */
    public static Text of(String key, Object... args) {
        List<Text> list = new ArrayList<>();
        for (Object arg : args) {
            list.add(arg instanceof Text t ? t : plain(arg == null ? "" : String.valueOf(arg)));
        }
        return new Text(key, list, null, null);
    }

    /** A value shown as it is in every language (a user's words, a code, a date already formatted). */
    public static Text plain(String value) {
        return new Text(null, List.of(), value, null);
    }

    /** A value from a source that has both languages (an agency's names, a BPMN label and its {@code en}). */
    public static Text bilingual(String vi, String en) {
        return new Text(null, List.of(), vi, en == null || en.isBlank() ? null : en);
    }

    /** The text in the reader's language; an unknown key shows as the key. */
    public String render(MessageSource messages, Locale locale) {
        if (key == null) {
            boolean english = locale != null && "en".equals(locale.getLanguage());
            return english && valueEn != null ? valueEn : value == null ? "" : value;
        }
        Object[] rendered = args.stream().map(a -> a.render(messages, locale)).toArray();
        return messages.getMessage(key, rendered, key, locale);
    }
}
