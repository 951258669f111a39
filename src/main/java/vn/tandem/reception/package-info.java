/**
 * Citizen reception and dialogue: the reception log (tiếp công dân) with the matters citizens raised, each linked to
 * the case it opened or joined, and dialogue meetings of the agencies with citizens, linked to cases. Both write to
 * the linked cases' timelines and feed the period report.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reception")
package vn.tandem.reception;
