package vn.tandem.oversight.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tandem.casefile.CaseType;
import vn.tandem.common.Csv;
import vn.tandem.common.InvalidInputException;
import vn.tandem.identity.Directory;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.oversight.Dashboard;
import vn.tandem.sla.EscalationDesk;

/** The supervisors' dashboard: page, auto-refreshed summary, CSV export of each table. */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
class DashboardController {

    private final Dashboard dashboard;
    private final Directory directory;
    private final EscalationDesk desk;

    DashboardController(Dashboard dashboard, Directory directory, EscalationDesk desk) {
        this.dashboard = dashboard;
        this.directory = directory;
        this.desk = desk;
    }

    static Dashboard.Filter filter(LocalDate from, LocalDate to, String agency, Long unitId, String type) {
        return new Dashboard.Filter(
                from,
                to,
                agency == null || agency.isBlank() ? null : agency,
                unitId,
                type == null || type.isBlank() ? null : type);
    }

    @GetMapping("/dashboard")
    String page(
            @AuthenticationPrincipal TandemPrincipal principal,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) String type,
            Model model) {
        Dashboard.Filter filter = filter(from, to, agency, unitId, type);
        model.addAttribute("view", dashboard.view(principal.user(), filter));
        model.addAttribute("filter", filter);
        model.addAttribute("agencies", directory.agencies());
        model.addAttribute("units", directory.units());
        model.addAttribute(
                "unitNames", directory.units().stream().collect(Collectors.toMap(u -> u.getId(), u -> u.getName())));
        model.addAttribute("caseTypes", CaseType.values());
        model.addAttribute("escalations", desk.open(principal.user()));
        return "oversight/dashboard";
    }

    /** The summary cards alone, refreshed by htmx every minute. */
    @GetMapping("/dashboard/summary")
    String summary(
            @AuthenticationPrincipal TandemPrincipal principal,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) String type,
            Model model) {
        Dashboard.Filter filter = filter(from, to, agency, unitId, type);
        model.addAttribute("view", dashboard.view(principal.user(), filter));
        model.addAttribute("filter", filter);
        return "oversight/dashboard :: summary";
    }

    @GetMapping("/dashboard.csv")
    void csv(
            @AuthenticationPrincipal TandemPrincipal principal,
            @RequestParam(defaultValue = "closest") String table,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) String type,
            HttpServletResponse response)
            throws IOException {
        if (!List.of("closest", "agency", "unit", "type", "flags", "trend", "escalations")
                .contains(table)) {
            throw new InvalidInputException("table", "validation.option");
        }
        Dashboard.View view = dashboard.view(principal.user(), filter(from, to, agency, unitId, type));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("tandem-" + table + ".csv")
                        .build()
                        .toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        Csv.bom(out);
        switch (table) {
            case "closest" -> {
                out.write(
                        "case,title,type,lead_agency,step,rule,statutory_due,target_due,state,statutory_breached\r\n");
                for (Dashboard.Row r : view.closest()) {
                    Csv.line(
                            out,
                            r.caseFile().getCode(),
                            r.caseFile().getTitle(),
                            r.caseFile().getType().name(),
                            r.caseFile().getLeadAgency(),
                            r.clock().step().name(),
                            r.clock().deadline().rule().getCode(),
                            String.valueOf(r.clock().deadline().statutoryDue()),
                            String.valueOf(r.clock().deadline().targetDue()),
                            r.state().name(),
                            String.valueOf(r.statutoryBreached()));
                }
            }
            case "escalations" -> {
                out.write(
                        "escalation,case,title,step,agency,level,rounds,current_due,statutory_due,raised_at,may_act\r\n");
                for (var i : desk.open(principal.user())) {
                    Csv.line(
                            out,
                            i.escalation().getId().toString(),
                            i.caseFile().getCode(),
                            i.caseFile().getTitle(),
                            i.escalation().getWatchedTaskName(),
                            i.escalation().getAgency(),
                            String.valueOf(i.escalation().getLevel()),
                            String.valueOf(i.escalation().getRounds()),
                            String.valueOf(i.currentDue()),
                            String.valueOf(i.statutory()),
                            i.escalation().getRaisedAt().toString(),
                            String.valueOf(i.mayAct()));
                }
            }
            case "agency" -> counts(out, "agency", view.byAgency());
            case "unit" -> counts(out, "unit", view.byUnit());
            case "type" -> counts(out, "type", view.byType());
            case "flags" -> {
                out.write("case,title,crowd,hotspot,level_skipping\r\n");
                for (var c : view.flagged()) {
                    Csv.line(
                            out,
                            c.getCode(),
                            c.getTitle(),
                            String.valueOf(c.isCrowd()),
                            String.valueOf(c.isHotspot()),
                            String.valueOf(c.isLevelSkipping()));
                }
            }
            default -> {
                out.write("week,closed,breached,average_days_saved\r\n");
                for (var w : view.trend()) {
                    Csv.line(
                            out,
                            w.monday().toString(),
                            String.valueOf(w.closed()),
                            String.valueOf(w.breached()),
                            String.format(Locale.ROOT, "%.1f", w.averageDaysSaved()));
                }
            }
        }
        out.flush();
    }

    private static <K> void counts(Writer out, String name, Map<K, Dashboard.Counts> counts) throws IOException {
        out.write(name + ",on_track,at_risk,breached,statutory_breached\r\n");
        for (var e : counts.entrySet()) {
            Csv.line(
                    out,
                    String.valueOf(e.getKey()),
                    String.valueOf(e.getValue().onTrack()),
                    String.valueOf(e.getValue().atRisk()),
                    String.valueOf(e.getValue().breached()),
                    String.valueOf(e.getValue().statutoryBreached()));
        }
    }

    /** The dashboard's figures over the API. */
    @RestController
    @Tag(name = "SLA")
    static class Api {

        private final Dashboard dashboard;

        Api(Dashboard dashboard) {
            this.dashboard = dashboard;
        }

        record Summary(long onTrack, long atRisk, long breached, long statutoryBreached) {}

        @GetMapping("/api/sla/summary")
        @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
        @Operation(summary = "Open cases visible to the caller by the state of their current clock")
        Summary summary(
                @AuthenticationPrincipal TandemPrincipal principal,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String agency,
                @RequestParam(required = false) Long unitId,
                @RequestParam(required = false) String type) {
            var counts = dashboard.summary(principal.user(), filter(from, to, agency, unitId, type));
            return new Summary(counts.onTrack(), counts.atRisk(), counts.breached(), counts.statutoryBreached());
        }
    }
}
