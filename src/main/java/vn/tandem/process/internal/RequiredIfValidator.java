package vn.tandem.process.internal;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidator;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidatorContext;

/**
 * Form constraint {@code requiredIf} with configuration {@code otherField=VALUE1|VALUE2}: the field is required
 * when the other submitted field has one of the values (e.g. a reason is required when the decision is REFUSE).
 */
public class RequiredIfValidator implements FormFieldValidator {

    public static final String NAME = "requiredIf";

    @Override
    public boolean validate(Object submittedValue, FormFieldValidatorContext context) {
        Condition condition = Condition.parse(context.getConfiguration());
        Object other = context.getSubmittedValues().get(condition.field());
        boolean required = other != null && condition.values().contains(other.toString());
        return !required
                || (submittedValue != null && !submittedValue.toString().isBlank());
    }

    /** The parsed configuration. */
    record Condition(String field, Set<String> values) {

        static Condition parse(String configuration) {
            String[] parts = configuration.split("=", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("requiredIf needs field=VALUE|VALUE, got " + configuration);
            }
            return new Condition(
                    parts[0].strip(),
                    Set.copyOf(Arrays.stream(parts[1].split("\\|"))
                            .map(String::strip)
                            .toList()));
        }

        static Map.Entry<String, Set<String>> entry(String configuration) {
            Condition c = parse(configuration);
            return Map.entry(c.field(), c.values());
        }
    }
}
