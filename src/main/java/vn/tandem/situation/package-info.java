/**
 * Grasping the grassroots situation: the situation reports of every commune unit of both agencies and the signals
 * they carry, shared with both agencies' users covering the unit's area, and the triage of each signal (watch,
 * promote to an incident or a grievance case, link to a case, dismiss) with its history.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Situation")
package vn.tandem.situation;
