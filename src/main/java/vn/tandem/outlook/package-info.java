/**
 * The risk outlook (dự báo): a score per commune unit from its signals, open cases and their flags, SLA breaches,
 * repeat petitioners and reopened cases, with its reasons in words, a level and a 12-week trend; weights are data
 * an administrator edits. The model is one pure function ({@link vn.tandem.outlook.OutlookModel}) that the
 * backtest in the benchmarks proves against a naive ranking by open cases.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outlook")
package vn.tandem.outlook;
