package vn.tandem.casefile;

/** Filters of the case list; every field optional. */
public record CaseFilter(CaseStatus status, CaseType type, String text) {}
