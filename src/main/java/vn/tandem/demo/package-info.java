/**
 * Demo profile only: demo users (password {@code demo}) and about 30 realistic cases, each driven through the
 * engine by the same services the UI uses (never inserted into tables directly).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package vn.tandem.demo;
