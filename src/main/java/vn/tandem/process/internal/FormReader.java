package vn.tandem.process.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.FormFieldValidationConstraint;
import org.camunda.bpm.engine.form.TaskFormData;
import vn.tandem.process.FormFieldSpec;
import vn.tandem.process.TaskForm;

/** Turns the engine's {@link TaskFormData} into Tandem's {@link TaskForm}. */
public final class FormReader {

    private FormReader() {}

    public static TaskForm read(String taskId, String key, String name, TaskFormData data, ZoneId zone) {
        List<FormFieldSpec> fields =
                data.getFormFields().stream().map(f -> toSpec(f, zone)).toList();
        return new TaskForm(taskId, key, name, data.getFormKey(), fields);
    }

    @SuppressWarnings("unchecked")
    static FormFieldSpec toSpec(FormField field, ZoneId zone) {
        boolean required = false;
        boolean readOnly = false;
        Integer minLength = null;
        Integer maxLength = null;
        Long min = null;
        Long max = null;
        String requiredIfField = null;
        Set<String> requiredIfValues = Set.of();
        for (FormFieldValidationConstraint c : field.getValidationConstraints()) {
            Object config = c.getConfiguration();
            switch (c.getName()) {
                case "required" -> required = true;
                case "readonly" -> readOnly = true;
                case "minlength" -> minLength = Integer.valueOf(config.toString());
                case "maxlength" -> maxLength = Integer.valueOf(config.toString());
                case "min" -> min = Long.valueOf(config.toString());
                case "max" -> max = Long.valueOf(config.toString());
                case RequiredIfValidator.NAME -> {
                    var condition = RequiredIfValidator.Condition.parse(config.toString());
                    requiredIfField = condition.field();
                    requiredIfValues = condition.values();
                }
                default -> {
                    // other engine constraints are checked by the engine itself on submit
                }
            }
        }
        Map<String, String> props = field.getProperties() == null ? Map.of() : field.getProperties();
        String type = field.getTypeName();
        List<FormFieldSpec.Option> options = List.of();
        if ("enum".equals(type)) {
            Map<String, String> values = (Map<String, String>) field.getType().getInformation("values");
            options = new LinkedHashMap<>(values)
                    .entrySet().stream()
                            .map(e -> new FormFieldSpec.Option(e.getKey(), e.getValue(), props.get("en." + e.getKey())))
                            .toList();
        }
        Object value = field.getValue() == null ? null : field.getValue().getValue();
        if ("enum".equals(type) && !readOnly) {
            // a decision is taken afresh each time a step comes round: never preselect an earlier choice
            value = field.getDefaultValue();
        }
        if (value instanceof Date date) {
            value = LocalDate.ofInstant(date.toInstant(), zone);
        }
        if (value instanceof Integer i) {
            value = i.longValue();
        }
        return new FormFieldSpec(
                field.getId(),
                field.getLabel() == null ? field.getId() : field.getLabel(),
                props.get("en"),
                type,
                required,
                readOnly,
                value,
                options,
                minLength,
                maxLength,
                min,
                max,
                requiredIfField,
                requiredIfValues,
                props.get("help"),
                props.get("help.en"),
                "true".equals(props.get("multiline")));
    }
}
