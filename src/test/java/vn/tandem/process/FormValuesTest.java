package vn.tandem.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import vn.tandem.common.FieldProblem;

/** Converting and checking submitted form values against the BPMN constraints. */
class FormValuesTest {

    static FormFieldSpec field(
            String name,
            String type,
            boolean required,
            Integer minLength,
            Integer maxLength,
            Long min,
            Long max,
            String requiredIf,
            Set<String> values,
            List<FormFieldSpec.Option> options) {
        return new FormFieldSpec(
                name,
                name,
                null,
                type,
                required,
                false,
                null,
                options,
                minLength,
                maxLength,
                min,
                max,
                requiredIf,
                values,
                null,
                null,
                false);
    }

    static final TaskForm FORM = new TaskForm(
            "t",
            "Task_X",
            "X",
            null,
            List.of(
                    field(
                            "decision",
                            "enum",
                            true,
                            null,
                            null,
                            null,
                            null,
                            null,
                            Set.of(),
                            List.of(
                                    new FormFieldSpec.Option("YES", "Có", "Yes"),
                                    new FormFieldSpec.Option("NO", "Không", "No"))),
                    field("reason", "string", false, 3, 10, null, null, "decision", Set.of("NO"), List.of()),
                    field("count", "long", false, null, null, 1L, 5L, null, Set.of(), List.of()),
                    field("flag", "boolean", false, null, null, null, null, null, Set.of(), List.of()),
                    field("day", "date", false, null, null, null, null, null, Set.of(), List.of())));

    @Test
    void convertsValidValues() {
        var result =
                FormValues.convert(FORM, Map.of("decision", "YES", "count", "3", "flag", "on", "day", "2026-11-26"));
        assertThat(result.problems()).isEmpty();
        assertThat(result.values())
                .containsEntry("count", 3L)
                .containsEntry("flag", true)
                .containsEntry("day", LocalDate.of(2026, 11, 26))
                .containsEntry("reason", null);
        assertThat(FormValues.convert(FORM, Map.of("decision", "YES", "day", "26/11/2026"))
                        .values())
                .containsEntry("day", LocalDate.of(2026, 11, 26))
                .containsEntry("flag", false);
    }

    @Test
    void reportsEachInvalidField() {
        var result = FormValues.convert(FORM, Map.of("decision", "NO", "count", "9", "day", "31/02/2026"));
        assertThat(result.problems())
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("reason", "validation.required"),
                        Tuple.tuple("count", "validation.max"),
                        Tuple.tuple("day", "validation.date"));
        assertThat(FormValues.convert(FORM, Map.of("decision", "MAYBE", "reason", "ab", "count", "x"))
                        .problems())
                .extracting(FieldProblem::code)
                .containsExactlyInAnyOrder("validation.option", "validation.number", "validation.minLength");
        assertThat(FormValues.convert(FORM, Map.of("decision", "YES", "reason", "far too long here"))
                        .problems())
                .extracting(FieldProblem::code)
                .containsExactly("validation.maxLength");
        assertThat(FormValues.convert(FORM, Map.of()).problems())
                .extracting(FieldProblem::field)
                .containsExactly("decision");
    }
}
