package vn.tandem.oversight.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tandem.casefile.Case;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.web.Csv;
import vn.tandem.identity.Directory;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.oversight.ReportExports;
import vn.tandem.oversight.ReportFormat;
import vn.tandem.oversight.ReportJob;
import vn.tandem.oversight.SummaryReport;

/**
 * The period summary over the API: the figures as JSON, the same report as Word, PDF or Excel (at once for a small
 * report, else 202 with a job to poll), background jobs, and CSV lists.
 */
@RestController
@RequestMapping("/api/reports")
@Tag(name = "Reports")
class ReportApiController {

    private final SummaryReport report;
    private final ReportExports exports;
    private final Directory directory;
    private final MessageSource messages;

    ReportApiController(SummaryReport report, ReportExports exports, Directory directory, MessageSource messages) {
        this.report = report;
        this.exports = exports;
        this.directory = directory;
        this.messages = messages;
    }

    /** A job as the API shows it: where it stands and, once done, where the file is. */
    record JobView(String id, String status, int progress, String format, String fileName, String url, String file) {

        static JobView of(ReportJob j) {
            String url = "/api/reports/jobs/" + j.id();
            return new JobView(
                    j.id(),
                    j.status().name(),
                    j.progress(),
                    j.format(),
                    j.fileName(),
                    url,
                    j.status().name().equals("DONE") ? url + "/file" : null);
        }
    }

    /** What a background export asks for. */
    record JobRequest(LocalDate from, LocalDate to, String agency, Long unitId, String format) {}

    @Operation(
            summary = "The period summary: period, figures, previous period, narrative",
            description = "Defaults: the two years ending today, both agencies, the user's whole area. Supervisors"
                    + " and administrators only (403). The narrative follows the Accept-Language (vi or en).")
    @GetMapping("/summary")
    SummaryReport.Report summary(@AuthenticationPrincipal TandemPrincipal principal, SummaryReport.Query query) {
        return report.report(query, principal.user());
    }

    @Operation(
            summary = "The period summary as a Word file",
            description = "200 with the file; 202 with a job (Location) when the report is large or background=true.")
    @GetMapping("/summary.docx")
    ResponseEntity<?> docx(
            @AuthenticationPrincipal TandemPrincipal principal,
            SummaryReport.Query query,
            @RequestParam(defaultValue = "false") boolean background) {
        return export(principal, query, ReportFormat.DOCX, background);
    }

    @Operation(
            summary = "The period summary as a PDF file",
            description = "200 with the file; 202 with a job (Location) when the report is large or background=true.")
    @GetMapping("/summary.pdf")
    ResponseEntity<?> pdf(
            @AuthenticationPrincipal TandemPrincipal principal,
            SummaryReport.Query query,
            @RequestParam(defaultValue = "false") boolean background) {
        return export(principal, query, ReportFormat.PDF, background);
    }

    @Operation(
            summary = "The period summary as an Excel file (one sheet per table)",
            description = "200 with the file; 202 with a job (Location) when the report is large or background=true.")
    @GetMapping("/summary.xlsx")
    ResponseEntity<?> xlsx(
            @AuthenticationPrincipal TandemPrincipal principal,
            SummaryReport.Query query,
            @RequestParam(defaultValue = "false") boolean background) {
        return export(principal, query, ReportFormat.XLSX, background);
    }

    private ResponseEntity<?> export(
            TandemPrincipal principal, SummaryReport.Query query, ReportFormat format, boolean background) {
        if (background || exports.large(query, principal.user())) {
            return accepted(exports.start(query, format, principal.user()));
        }
        return file(exports.now(query, format, principal.user()));
    }

    @Operation(summary = "Start a background export (docx, pdf or xlsx); poll the job until its file is ready")
    @PostMapping("/jobs")
    ResponseEntity<JobView> start(@AuthenticationPrincipal TandemPrincipal principal, @RequestBody JobRequest body) {
        ReportFormat format = ReportFormat.parse(body.format())
                .orElseThrow(() -> new InvalidInputException("format", "report.format"));
        return accepted(exports.start(
                new SummaryReport.Query(body.from(), body.to(), body.agency(), body.unitId()),
                format,
                principal.user()));
    }

    @Operation(summary = "Where a background export stands (the requester's own jobs only)")
    @GetMapping("/jobs/{id}")
    JobView job(@AuthenticationPrincipal TandemPrincipal principal, @PathVariable String id) {
        return JobView.of(exports.status(id, principal.user()));
    }

    @Operation(summary = "The file of a finished background export (409 while it is being made)")
    @GetMapping("/jobs/{id}/file")
    ResponseEntity<byte[]> jobFile(@AuthenticationPrincipal TandemPrincipal principal, @PathVariable String id) {
        return file(exports.file(id, principal.user()));
    }

    @Operation(
            summary = "CSV lists of the period summary",
            description = "list=cases: the cases received in the period; list=figures: every single figure in this"
                    + " period and the previous one.")
    @GetMapping("/summary.csv")
    ResponseEntity<byte[]> csv(
            @AuthenticationPrincipal TandemPrincipal principal,
            SummaryReport.Query query,
            @RequestParam(defaultValue = "cases") String list,
            Locale locale) {
        return switch (list) {
            case "cases" -> Csv.download(cases(principal, query, locale));
            case "figures" -> Csv.download(figures(principal, query, locale));
            default -> throw new InvalidInputException("list", "report.list.unknown");
        };
    }

    private Csv.Table cases(TandemPrincipal principal, SummaryReport.Query query, Locale locale) {
        List<List<String>> rows = new ArrayList<>();
        for (Case c : report.receivedCases(query, principal.user())) {
            rows.add(List.of(
                    c.getCode(),
                    msg("caseType." + c.getType(), locale),
                    c.getChannel() == null ? "" : msg("channel." + c.getChannel(), locale),
                    directory.unit(c.getUnitId()).map(u -> u.getName()).orElse(""),
                    c.getLeadAgency(),
                    Csv.cell(c.getReceivedAt()),
                    c.getOutcome() == null
                            ? msg("report.outcome.OPEN", locale)
                            : msg("outcome." + c.getOutcome(), locale),
                    Csv.cell(report.outcomeDayOf(c)),
                    Boolean.toString(c.isHotspot()),
                    Boolean.toString(c.isCrowd()),
                    Boolean.toString(c.isLevelSkipping())));
        }
        return new Csv.Table(
                "tandem-cases.csv",
                List.of(
                        "code",
                        "type",
                        "channel",
                        "unit",
                        "leadAgency",
                        "receivedAt",
                        "outcome",
                        "outcomeDay",
                        "hotspot",
                        "crowd",
                        "levelSkipping"),
                rows);
    }

    private Csv.Table figures(TandemPrincipal principal, SummaryReport.Query query, Locale locale) {
        SummaryReport.Report r = report.report(query, principal.user());
        List<List<String>> rows = new ArrayList<>();
        for (SummaryReport.FigureRow row : SummaryReport.rows(r)) {
            rows.add(List.of(
                    row.name(),
                    msg("report.f." + row.name(), locale),
                    Csv.cell(row.current()),
                    Csv.cell(row.previous())));
        }
        return new Csv.Table("tandem-figures.csv", List.of("figure", "label", "current", "previous"), rows);
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static ResponseEntity<JobView> accepted(ReportJob job) {
        JobView view = JobView.of(job);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create(view.url()))
                .body(view);
    }

    private static ResponseEntity<byte[]> file(ReportExports.File f) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(f.name())
                                .build()
                                .toString())
                .body(f.content());
    }
}
