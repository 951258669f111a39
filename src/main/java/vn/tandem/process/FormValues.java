package vn.tandem.process;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.tandem.common.FieldProblem;

/**
 * Converts raw submitted values (strings from an HTML form, JSON values from the API) into the typed values of a
 * task form, checking every constraint the BPMN declares. Produces one problem per invalid field; the engine
 * checks the same constraints again on submit.
 */
public final class FormValues {

    static final DateTimeFormatter ENGINE_DATE =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private FormValues() {}

    /** The result: typed values of every writable field (null for empty ones) and the problems found. */
    public record Result(Map<String, Object> values, List<FieldProblem> problems) {}

    public static Result convert(TaskForm form, Map<String, ?> raw) {
        Map<String, Object> typed = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (FormFieldSpec field : form.fields()) {
            if (field.readOnly()) {
                continue;
            }
            try {
                typed.put(field.name(), toTyped(field, raw.get(field.name())));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(field.name(), e.getMessage()));
                typed.put(field.name(), null);
            }
        }
        for (FormFieldSpec field : form.fields()) {
            if (field.readOnly() || problems.stream().anyMatch(p -> p.field().equals(field.name()))) {
                continue;
            }
            Object value = typed.get(field.name());
            if (value == null) {
                if (field.requiredWhen(typed)) {
                    problems.add(new FieldProblem(field.name(), "validation.required"));
                }
                continue;
            }
            if (value instanceof String s) {
                if (field.minLength() != null && s.length() < field.minLength()) {
                    problems.add(new FieldProblem(field.name(), "validation.minLength", field.minLength()));
                }
                if (field.maxLength() != null && s.length() > field.maxLength()) {
                    problems.add(new FieldProblem(field.name(), "validation.maxLength", field.maxLength()));
                }
            }
            if (value instanceof Long n) {
                if (field.min() != null && n < field.min()) {
                    problems.add(new FieldProblem(field.name(), "validation.min", field.min()));
                }
                if (field.max() != null && n > field.max()) {
                    problems.add(new FieldProblem(field.name(), "validation.max", field.max()));
                }
            }
        }
        return new Result(typed, problems);
    }

    private static Object toTyped(FormFieldSpec field, Object raw) {
        if (raw instanceof List<?> list) {
            raw = list.isEmpty() ? null : list.get(0);
        }
        if (raw instanceof String s) {
            s = s.strip();
            raw = s.isEmpty() ? null : s;
        }
        switch (field.type()) {
            case "boolean" -> {
                if (raw == null) {
                    return Boolean.FALSE;
                }
                if (raw instanceof Boolean b) {
                    return b;
                }
                String s = raw.toString();
                if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("on")) {
                    return Boolean.TRUE;
                }
                if (s.equalsIgnoreCase("false") || s.equalsIgnoreCase("off")) {
                    return Boolean.FALSE;
                }
                throw new IllegalArgumentException("validation.boolean");
            }
            case "long" -> {
                if (raw == null) {
                    return null;
                }
                if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
                    return ((Number) raw).longValue();
                }
                try {
                    return Long.valueOf(raw.toString());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("validation.number");
                }
            }
            case "date" -> {
                if (raw == null) {
                    return null;
                }
                return parseDate(raw.toString());
            }
            case "enum" -> {
                if (raw == null) {
                    return null;
                }
                String s = raw.toString();
                if (field.options().stream().noneMatch(o -> o.value().equals(s))) {
                    throw new IllegalArgumentException("validation.option");
                }
                return s;
            }
            default -> {
                return raw == null ? null : raw.toString();
            }
        }
    }

    /**
     * A date form value as the engine holds it: a {@link java.util.Date} parsed from dd/MM/yyyy in the JVM's zone
     * (so read back in that zone), or a dd/MM/yyyy or ISO string; null when it is none of these.
     */
    public static LocalDate engineDate(Object value) {
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
        }
        if (value instanceof LocalDate day) {
            return day;
        }
        return value == null ? null : parseEngineDate(value.toString());
    }

    /** A date as the engine stores form dates (dd/MM/yyyy) or ISO, or null when it is not one. */
    public static LocalDate parseEngineDate(String s) {
        try {
            return s == null || s.isBlank() ? null : parseDate(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Accepts ISO dates (HTML date inputs, JSON) and dd/MM/yyyy. */
    static LocalDate parseDate(String s) {
        try {
            return s.contains("/") ? LocalDate.parse(s, ENGINE_DATE) : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("validation.date");
        }
    }
}
