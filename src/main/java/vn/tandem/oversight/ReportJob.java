package vn.tandem.oversight;

/** Where a background report export stands, without its file. */
public record ReportJob(String id, ReportExport.Status status, int progress, String format, String fileName) {}
