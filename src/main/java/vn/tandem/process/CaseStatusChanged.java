package vn.tandem.process;

/**
 * Published by the case-handling and incident-handling processes when a case reaches a new status or outcome
 * (accepted, transferred, merged, refused, closed, under monitoring, reopened). {@code outcome} is null where the
 * step sets none.
 */
public record CaseStatusChanged(
        long caseId,
        String status,
        String outcome,
        String event,
        String note,
        String relatedCaseCode,
        String activityId,
        String activityName) {}
