/**
 * The legal clock: deadlines counted in calendar or working days. So far it knows weekends; the holiday
 * calendar, versioned legal rules and the escalation ladder come with the legal-clock issue.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA")
package vn.tandem.sla;
