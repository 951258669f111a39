package vn.tandem.situation;

/** A unit filed a situation report (published in the filing's transaction). */
public record SituationReported(long reportId, long unitId, int signals) {}
