package vn.tandem.process;

/** Published when an open task's assignee, due date or other properties change. */
public record TaskChanged(TaskSnapshot task) {}
