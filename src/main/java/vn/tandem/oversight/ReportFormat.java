package vn.tandem.oversight;

import java.util.Locale;
import java.util.Optional;

/** The files a period summary is exported to. */
public enum ReportFormat {
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    PDF("application/pdf"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String mediaType;

    ReportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportFormat> parse(String s) {
        for (ReportFormat f : values()) {
            if (f.extension().equalsIgnoreCase(s == null ? "" : s.strip())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
