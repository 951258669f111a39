package vn.tandem.process;

import java.time.LocalDate;

/**
 * The time a task has under the legal clock: the day its step started, the day it is due (the provincial target,
 * or the statutory limit when there is no target), the first day it counts as at risk (75% of the time used),
 * and the statutory limit (null when the law sets none).
 */
public record SlaWindow(LocalDate start, LocalDate due, LocalDate warningDay, LocalDate statutoryDue) {}
