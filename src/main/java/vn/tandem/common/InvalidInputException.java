package vn.tandem.common;

import java.util.List;

/** Input that fails validation: answers 400 naming each field. */
public class InvalidInputException extends TandemException {

    private final transient List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super("error.validation");
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String code, Object... args) {
        this(List.of(new FieldProblem(field, code, args)));
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public List<FieldProblem> fieldProblems() {
        return problems;
    }
}
