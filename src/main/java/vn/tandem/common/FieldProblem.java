package vn.tandem.common;

/**
 * One invalid input field: its name, a message code and the arguments of that message (e.g. a length limit).
 */
public record FieldProblem(String field, String code, Object... args) {}
