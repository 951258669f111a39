package vn.tandem.process.internal;

import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;

/** The due date of a task that belongs to a legal step (BPMN property {@code legalStep}), if a rule covers it. */
interface DueDates {

    Optional<Instant> due(String legalStep, DelegateTask task);
}
