package vn.tandem.program;

import java.time.LocalDate;
import java.util.List;

/**
 * A program item as written on the form or the API: a model has a field, a drive may name its occasion (a holiday or
 * a traditional day); units taking part and linked cases by code.
 */
public record ProgramInput(
        String title,
        Long unitId,
        ModelField field,
        String occasion,
        LocalDate startDate,
        LocalDate endDate,
        ProgramStatus status,
        String description,
        String results,
        String commendations,
        List<Long> unitIds,
        List<String> caseCodes) {}
