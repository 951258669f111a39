package vn.tandem.process.internal;

import java.util.Map;
import java.util.Set;

/**
 * The one place that says which code a BPMN file may reach (documented in docs/processes.md). A JUEL expression
 * can call any Java method by reflection, so deployed expressions may only be variable references, literals,
 * comparisons and logic, and calls to the methods listed here; delegate expressions may only name the listed
 * delegate and listener beans.
 */
public final class ExpressionAllowlist {

    /** Beans and the methods of each that BPMN expressions may call. */
    public static final Map<String, Set<String>> METHODS = Map.of(
            "caseAgencies",
            Set.of("verifiers", "supervisors", "name", "nameEn"),
            "slaTimers",
            Set.of(
                    "warning",
                    "breach",
                    "escalationDue",
                    "escalationOverdue",
                    "watchedBreach",
                    "hasStatutory",
                    "statutoryBreach",
                    "meetingDue"));

    /** Beans a {@code camunda:delegateExpression} may name (service tasks, task and execution listeners). */
    public static final Set<String> DELEGATES = Set.of(
            "caseLifecycleDelegate",
            "monitoringCounterDelegate",
            "slaStatutoryDelegate",
            "situationRoundsDelegate",
            "assignedOfficerListener",
            "slaTimerListener");

    /** JUEL words that are operators or literals, not variables. */
    static final Set<String> KEYWORDS = Set.of(
            "true",
            "false",
            "null",
            "empty",
            "not",
            "and",
            "or",
            "eq",
            "ne",
            "lt",
            "gt",
            "le",
            "ge",
            "div",
            "mod",
            "instanceof");

    private ExpressionAllowlist() {}
}
