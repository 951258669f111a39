/**
 * The case file: the Case aggregate (petitioners, flags, status, outcome, shared agencies), solution plans, links
 * between related cases, comments, attachments and the timeline. Reacts to the process module's events in the
 * same transaction.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Case file")
package vn.tandem.casefile;
