/**
 * Notifications: the in-app bell (unread count, latest items, mark read) for at-risk, breach, escalation and
 * hot-spot events, and the same notices by e-mail through Spring Mail when SMTP is configured (off by default).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package vn.tandem.notification;
