package vn.tandem.process;

/** Published (synchronously, inside the engine's transaction) when a user task is created. */
public record TaskOpened(TaskSnapshot task) {}
