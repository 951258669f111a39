/**
 * Users, units, areas, agencies and roles, and the web security configuration. A user belongs to one unit of
 * one agency; BPMN candidate groups are derived as {@code <agency>-<role>} in lower case.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package vn.tandem.identity;
