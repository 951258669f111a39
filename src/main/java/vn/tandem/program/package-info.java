/**
 * The coordination program registry: campaigns, emulation drives and Dân vận khéo models of both agencies, with
 * their units, results, commendations and linked cases. Supervisors and administrators write, officers read; every
 * change is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Program")
package vn.tandem.program;
