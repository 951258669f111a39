package vn.tandem.common;

import java.util.List;
import java.util.Map;

/**
 * Base of the errors a user can cause. Each carries a message code (resolved in the user's language) and the
 * HTTP status the API answers with; none of them is ever a 500.
 */
public abstract class TandemException extends RuntimeException {

    private final String messageCode;
    private final transient Object[] args;

    protected TandemException(String messageCode, Object... args) {
        super(messageCode);
        this.messageCode = messageCode;
        this.args = args;
    }

    public String messageCode() {
        return messageCode;
    }

    public Object[] args() {
        return args;
    }

    public abstract int status();

    public List<FieldProblem> fieldProblems() {
        return List.of();
    }

    /** More that the API's problem detail should carry (e.g. the cases a change would leave alone). */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
