/**
 * Oversight: each case's legal clocks (which rule, statutory and target dates, state) and the supervisors'
 * dashboard built on them — counts on track / at risk / breached, closest deadlines, flags, weekly trend, CSV.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Oversight")
package vn.tandem.oversight;
