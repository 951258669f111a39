package vn.tandem.process;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the process module asks the legal clock (implemented by the sla module, which knows rules, pauses
 * and extensions): the current window of a case's legal step, and working-day arithmetic.
 */
public interface StepDeadlines {

    /** The case's current window for a legal step (ACCEPT, RESOLVE…), or empty when no rule covers it. */
    Optional<SlaWindow> window(long caseId, String legalStep);

    /** Whether a BPMN {@code legalStep} property names a step the legal clock knows (checked at deployment). */
    boolean isLegalStep(String name);

    /** The day {@code days} working days after {@code start} (counting from the next day). */
    LocalDate addWorkingDays(LocalDate start, int days);

    /** Working days after {@code from} up to and including {@code to}. */
    int workingDaysBetween(LocalDate from, LocalDate to);
}
