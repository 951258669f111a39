/**
 * Receiving cases from every channel (reception, letter, hotline, online, grassroots): validates the intake,
 * records the case and starts its process (case-handling, or incident-handling for an incident).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake")
package vn.tandem.intake;
