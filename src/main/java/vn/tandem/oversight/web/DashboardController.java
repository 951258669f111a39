package vn.tandem.oversight.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tandem.casefile.CaseType;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.web.Csv;
import vn.tandem.identity.Directory;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.outlook.Outlook;
import vn.tandem.outlook.OutlookLevel;
import vn.tandem.oversight.Dashboard;
import vn.tandem.sla.EscalationDesk;
import vn.tandem.sla.LegalRules;

/** The supervisors' dashboard: page, auto-refreshed summary, CSV export of each table. */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
class DashboardController {

    private final Dashboard dashboard;
    private final Directory directory;
    private final EscalationDesk desk;

    DashboardController(
            Dashboard dashboard,
            Directory directory,
            EscalationDesk desk,
            Outlook outlook,
            org.springframework.context.MessageSource messages) {
        this.outlook = outlook;
        this.messages = messages;
        this.dashboard = dashboard;
        this.directory = directory;
        this.desk = desk;
    }

    /** Units shown in the dashboard's outlook panel: the highest, from ELEVATED up. */
    static final int OUTLOOK_PANEL = 5;

    /**
     * The escalations the dashboard lists in full (those the supervisor may act on first, oldest first); the rest
     * are counted, and all of them are in the CSV export and {@code GET /api/escalations}.
     */
    static final int QUEUE = 25;

    private final Outlook outlook;
    private final org.springframework.context.MessageSource messages;

    @GetMapping("/dashboard")
    String page(
            @AuthenticationPrincipal TandemPrincipal principal,
            Dashboard.Filter filter,
            Model model,
            java.util.Locale locale) {
        model.addAttribute(
                "outlook",
                outlook.rank(null, principal.user()).stream()
                        .filter(o -> o.level() != OutlookLevel.LOW)
                        .limit(OUTLOOK_PANEL)
                        .map(o -> new OutlookPanelItem(
                                o.unit().getId(),
                                o.unit().getName(),
                                o.level(),
                                o.reasons().stream()
                                        .map(t -> t.render(messages, locale))
                                        .toList()))
                        .toList());
        model.addAttribute("view", dashboard.view(principal.user(), filter));
        model.addAttribute("filter", filter);
        model.addAttribute("agencies", directory.agencies());
        model.addAttribute("units", directory.units());
        model.addAttribute("unitNames", directory.unitNames());
        model.addAttribute("caseTypes", CaseType.values());
        EscalationDesk.Queue queue =
                desk.queue(principal.user(), filter.scope(), i -> dashboard.matches(i, filter), QUEUE);
        model.addAttribute("escalations", queue.items());
        model.addAttribute("escalationTotal", queue.total());
        return "oversight/dashboard";
    }

    /** The cases behind a figure of the dashboard, with the same filters. */
    @GetMapping("/dashboard/cases")
    String drillDown(
            @AuthenticationPrincipal TandemPrincipal principal,
            Dashboard.Filter filter,
            @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "false") boolean statutory,
            Model model) {
        LegalRules.State wanted = null;
        if (state != null && !state.isBlank()) {
            try {
                wanted = LegalRules.State.valueOf(state.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("state", "validation.option");
            }
        }
        model.addAttribute("rows", dashboard.drillDown(principal.user(), filter, wanted, statutory));
        model.addAttribute("filter", filter);
        model.addAttribute("state", wanted);
        model.addAttribute("statutory", statutory);
        model.addAttribute("unitNames", directory.unitNames());
        return "oversight/cases";
    }

    /** The summary cards alone, refreshed by htmx every minute. */
    @GetMapping("/dashboard/summary")
    String summary(@AuthenticationPrincipal TandemPrincipal principal, Dashboard.Filter filter, Model model) {
        model.addAttribute("view", dashboard.view(principal.user(), filter));
        model.addAttribute("filter", filter);
        return "oversight/dashboard :: summary";
    }

    /** A table of the dashboard, or the escalation queue, as CSV. */
    @GetMapping("/dashboard.csv")
    ResponseEntity<byte[]> csv(
            @AuthenticationPrincipal TandemPrincipal principal,
            @RequestParam(defaultValue = "closest") String table,
            Dashboard.Filter filter) {
        return Csv.download(
                "escalations".equals(table)
                        ? desk.export(principal.user())
                        : dashboard.export(table, principal.user(), filter));
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
        Summary summary(@AuthenticationPrincipal TandemPrincipal principal, Dashboard.Filter filter) {
            var counts = dashboard.summary(principal.user(), filter);
            return new Summary(counts.onTrack(), counts.atRisk(), counts.breached(), counts.statutoryBreached());
        }
    }

    /** A unit in the dashboard's outlook panel. */
    record OutlookPanelItem(long unitId, String unitName, OutlookLevel level, java.util.List<String> reasons) {}
}
