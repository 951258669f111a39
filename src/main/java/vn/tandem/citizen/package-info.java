/**
 * What a citizen sees without signing in: where their matter stands (status, the current step in plain words, its
 * due date — nothing else), looked up by case code and the phone given at intake, rate-limited and audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Citizen")
package vn.tandem.citizen;
