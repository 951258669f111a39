package vn.tandem.identity.web;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.InvalidInputException;

/** Field problems keyed by field, for forms that show each error beside its field. */
final class Forms {

    private Forms() {}

    static Map<String, FieldProblem> byField(InvalidInputException e) {
        Map<String, FieldProblem> byField = new LinkedHashMap<>();
        for (FieldProblem p : e.fieldProblems()) {
            byField.putIfAbsent(p.field(), p);
        }
        return byField;
    }
}
