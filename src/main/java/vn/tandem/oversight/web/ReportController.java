package vn.tandem.oversight.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.ForbiddenException;
import vn.tandem.common.InvalidInputException;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.identity.Unit;
import vn.tandem.oversight.SummaryReport;

/**
 * The period summary page: choose the period, agency and unit; read the narrative, the figures against the previous
 * period and the charts (Chart.js); download the report as Word, PDF or Excel (made in the background, with
 * progress) or the cases as CSV.
 */
@Controller
class ReportController {

    /** The figures shown as cards at the top of the page. */
    static final List<String> KPIS =
            List.of("casesReceived", "hotspots", "levelSkipping", "onTimeRate", "timeSavedPercent", "citizensReceived");

    private final SummaryReport report;
    private final Directory directory;
    private final MessageSource messages;
    private final ObjectMapper json;

    ReportController(SummaryReport report, Directory directory, MessageSource messages, ObjectMapper json) {
        this.report = report;
        this.directory = directory;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/reports/summary")
    String page(
            @AuthenticationPrincipal TandemPrincipal principal,
            SummaryReport.Query query,
            BindingResult binding,
            Model model,
            Locale locale)
            throws JsonProcessingException {
        CurrentUser user = principal.user();
        if (!SummaryReport.reads(user)) {
            throw new ForbiddenException("report.forbidden");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), messages.getMessage(e, locale)));
        SummaryReport.Query q = report.defaults(binding.hasErrors() ? null : query);
        model.addAttribute("query", q);
        model.addAttribute("agencies", directory.agencies());
        model.addAttribute("units", units(user));
        if (errors.isEmpty()) {
            try {
                SummaryReport.Report r = report.report(q, user);
                model.addAttribute("report", r);
                List<SummaryReport.FigureRow> rows = SummaryReport.rows(r);
                model.addAttribute("rows", rows);
                model.addAttribute(
                        "kpis",
                        KPIS.stream()
                                .map(k -> rows.stream()
                                        .filter(x -> x.name().equals(k))
                                        .findFirst()
                                        .orElseThrow())
                                .toList());
                model.addAttribute("charts", json.writeValueAsString(charts(r, locale)));
            } catch (InvalidInputException e) {
                for (FieldProblem p : e.fieldProblems()) {
                    errors.putIfAbsent(p.field(), messages.getMessage(p.code(), p.args(), locale));
                }
            }
        }
        model.addAttribute("errors", errors);
        return "oversight/report";
    }

    /** The units whose area the user covers, to narrow the report to one of them. */
    private List<Unit> units(CurrentUser user) {
        return directory.units().stream()
                .filter(u -> user.isAdmin() || user.coversArea(u.getArea().getPath()))
                .toList();
    }

    /** The charts' data, labels in the reader's language: this period against the previous one. */
    private Map<String, Object> charts(SummaryReport.Report r, Locale locale) {
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put(
                "byType",
                compare(
                        r.figures().casesReceivedByType(),
                        r.previous().figures().casesReceivedByType(),
                        "caseType.",
                        locale));
        charts.put(
                "byOutcome",
                compare(r.figures().casesByOutcome(), r.previous().figures().casesByOutcome(), null, locale));
        charts.put(
                "byMonth",
                Map.of(
                        "labels",
                                new ArrayList<>(
                                        r.figures().casesReceivedByMonth().keySet()),
                        "current",
                                new ArrayList<>(
                                        r.figures().casesReceivedByMonth().values())));
        List<String> steps = new ArrayList<>();
        List<Object> current = new ArrayList<>();
        List<Object> previous = new ArrayList<>();
        r.figures().timeSavedByStep().forEach((step, f) -> {
            steps.add(messages.getMessage("legalStep." + step, null, locale));
            current.add(f.timeSavedPercent());
            var before = r.previous().figures().timeSavedByStep().get(step);
            previous.add(before == null ? null : before.timeSavedPercent());
        });
        charts.put("timeSaved", Map.of("labels", steps, "current", current, "previous", previous));
        charts.put(
                "series",
                Map.of(
                        "current", messages.getMessage("report.current", null, locale),
                        "previous", messages.getMessage("report.previous", null, locale)));
        return charts;
    }

    private Map<String, Object> compare(
            Map<String, Long> current, Map<String, Long> previous, String prefix, Locale locale) {
        List<String> labels = new ArrayList<>();
        List<Long> now = new ArrayList<>();
        List<Long> before = new ArrayList<>();
        current.forEach((k, v) -> {
            labels.add(
                    prefix != null
                            ? messages.getMessage(prefix + k, null, locale)
                            : "OPEN".equals(k)
                                    ? messages.getMessage("report.outcome.OPEN", null, locale)
                                    : messages.getMessage("outcome." + k, null, locale));
            now.add(v);
            before.add(previous.getOrDefault(k, 0L));
        });
        return Map.of("labels", labels, "current", now, "previous", before);
    }
}
