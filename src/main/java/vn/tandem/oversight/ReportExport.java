package vn.tandem.oversight;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A report file made in the background: who asked, for what, how far it has come, and the file when done. */
@Entity
@Table(name = "report_export")
public class ReportExport {

    /** Where an export stands. */
    public enum Status {
        RUNNING,
        DONE,
        FAILED
    }

    @Id
    private String id;

    private String requestedBy;
    private String format;
    private LocalDate fromDay;
    private LocalDate toDay;
    private String agency;
    private Long unitId;
    private String locale;

    @Enumerated(EnumType.STRING)
    private Status status;

    private int progress;
    private String fileName;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content")
    private byte[] content;

    private String error;
    private Instant createdAt;
    private Instant finishedAt;

    protected ReportExport() {}

    ReportExport(String id, String requestedBy, String format, SummaryReport.Query q, String locale, Instant at) {
        this.id = id;
        this.requestedBy = requestedBy;
        this.format = format;
        this.fromDay = q.from();
        this.toDay = q.to();
        this.agency = q.agency();
        this.unitId = q.unitId();
        this.locale = locale;
        this.status = Status.RUNNING;
        this.progress = 0;
        this.createdAt = at;
    }

    void progress(int percent) {
        this.progress = percent;
    }

    void done(String name, byte[] file, Instant at) {
        this.status = Status.DONE;
        this.progress = 100;
        this.fileName = name;
        this.content = file;
        this.finishedAt = at;
    }

    void failed(String reason, Instant at) {
        this.status = Status.FAILED;
        this.error = reason == null ? null : reason.substring(0, Math.min(reason.length(), 500));
        this.finishedAt = at;
    }

    public String getId() {
        return id;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public String getFormat() {
        return format;
    }

    public SummaryReport.Query query() {
        return new SummaryReport.Query(fromDay, toDay, agency, unitId);
    }

    public String getLocale() {
        return locale;
    }

    public Status getStatus() {
        return status;
    }

    public int getProgress() {
        return progress;
    }

    public String getFileName() {
        return fileName;
    }

    public byte[] getContent() {
        return content;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
