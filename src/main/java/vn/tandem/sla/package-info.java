/**
 * The legal clock: the Vietnamese holiday calendar (lunar holidays computed for UTC+7, admin-editable) and
 * working-day arithmetic. Versioned legal rules and the escalation ladder build on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SLA")
package vn.tandem.sla;
