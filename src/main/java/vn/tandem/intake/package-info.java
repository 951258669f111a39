/**
 * Receiving cases from every channel (reception, letter, hotline, online, grassroots): validates the intake,
 * records the case and starts its case-handling process.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake")
package vn.tandem.intake;
