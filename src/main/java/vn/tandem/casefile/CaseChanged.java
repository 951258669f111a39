package vn.tandem.casefile;

/** Published (synchronously) when a case's facts that read models copy have changed. */
public record CaseChanged(CaseSummary summary) {}
