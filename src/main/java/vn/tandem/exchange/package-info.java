/**
 * Information exchange between the agencies: an officer of either agency asks the other for information on a
 * case; the answer and the acknowledgement land on the case timeline.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Exchange")
package vn.tandem.exchange;
