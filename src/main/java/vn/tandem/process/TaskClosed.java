package vn.tandem.process;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Published when a user task ends: completed (with the submitted form values and who completed it) or deleted
 * (e.g. its process was cancelled).
 */
public record TaskClosed(TaskSnapshot task, boolean completed, String completedBy, List<FieldValue> values) {

    public Optional<Object> value(String name) {
        return values.stream()
                .filter(v -> v.name().equals(name))
                .map(FieldValue::value)
                .filter(Objects::nonNull)
                .findFirst();
    }

    public String text(String name) {
        return value(name).map(Object::toString).orElse(null);
    }
}
