/**
 * The case officer's task list and task forms. Reads its own indexed table ({@link vn.tandem.inbox.InboxItem},
 * one row per open task) kept in the engine's transaction by the process module's task events, not the engine's
 * task query.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Inbox")
package vn.tandem.inbox;
