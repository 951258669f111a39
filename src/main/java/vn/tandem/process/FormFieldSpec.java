package vn.tandem.process;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One field of a task form, read from the task's {@code camunda:formData} (the single source of truth for names,
 * types, labels and constraints). English labels come from the field property {@code en}, option labels from
 * {@code en.<value>}, help texts from {@code help} and {@code help.en}.
 */
public record FormFieldSpec(
        String name,
        String label,
        String labelEn,
        String type,
        boolean required,
        boolean readOnly,
        Object value,
        List<Option> options,
        Integer minLength,
        Integer maxLength,
        Long min,
        Long max,
        String requiredIfField,
        Set<String> requiredIfValues,
        String help,
        String helpEn,
        boolean multiline) {

    public static final Set<String> TYPES = Set.of("string", "long", "boolean", "date", "enum");

    /** An allowed value of an enum field. */
    public record Option(String value, String label, String labelEn) {

        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) && labelEn != null ? labelEn : label;
        }
    }

    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) && labelEn != null ? labelEn : label;
    }

    public String help(Locale locale) {
        return "en".equals(locale.getLanguage()) && helpEn != null ? helpEn : help;
    }

    public boolean requiredWhen(Map<String, Object> values) {
        if (required) {
            return true;
        }
        if (requiredIfField == null) {
            return false;
        }
        Object other = values.get(requiredIfField);
        return other != null && requiredIfValues.contains(other.toString());
    }

    public String optionLabel(Object optionValue, Locale locale) {
        if (optionValue == null) {
            return null;
        }
        return options.stream()
                .filter(o -> o.value().equals(optionValue.toString()))
                .findFirst()
                .map(o -> o.label(locale))
                .orElse(optionValue.toString());
    }
}
