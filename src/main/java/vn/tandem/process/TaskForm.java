package vn.tandem.process;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A task's form: its fields in declaration order, with the current values. */
public record TaskForm(String taskId, String key, String name, String formKey, List<FormFieldSpec> fields) {

    public Optional<FormFieldSpec> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Fields a custom template did not lay out (e.g. ones a designer added), in declaration order. */
    public List<FormFieldSpec> fieldsExcept(String commaSeparatedNames) {
        Set<String> laidOut = Set.copyOf(Arrays.asList(commaSeparatedNames.split("\\s*,\\s*")));
        return fields.stream().filter(f -> !laidOut.contains(f.name())).toList();
    }

    /**
     * Whether the task completes by work done elsewhere (a scheduled report task completes when the report is
     * filed on the report form), so its page offers no completion of its own.
     */
    public boolean completesElsewhere() {
        return SituationReportProcess.FORM_KEY.equals(formKey);
    }

    /** The name of the template that lays this form out ({@code tandem:accept} → {@code accept}), if any. */
    public Optional<String> template() {
        if (formKey != null && formKey.startsWith("tandem:")) {
            return Optional.of(formKey.substring("tandem:".length()));
        }
        return Optional.empty();
    }
}
