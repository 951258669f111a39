/**
 * Shared kernel: the exception types every module throws for a user's mistake (mapped to RFC 9457 problem
 * details by {@code system}) and the paged list shape of the API.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.tandem.common;
