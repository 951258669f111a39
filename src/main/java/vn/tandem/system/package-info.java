/** Layout, i18n (Vietnamese first, English), error pages and RFC 9457 problem details, the home page. */
@org.springframework.modulith.ApplicationModule(displayName = "System")
package vn.tandem.system;
