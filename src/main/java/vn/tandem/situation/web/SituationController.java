package vn.tandem.situation.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.core.io.InputStreamResource;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseType;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.PageResponse;
import vn.tandem.common.RedirectOnError;
import vn.tandem.common.web.StoredFile;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.identity.Unit;
import vn.tandem.situation.Assessment;
import vn.tandem.situation.ReportPeriod;
import vn.tandem.situation.ReportRound;
import vn.tandem.situation.Rounds;
import vn.tandem.situation.Signal;
import vn.tandem.situation.SignalCategory;
import vn.tandem.situation.SignalRisk;
import vn.tandem.situation.SignalStatus;
import vn.tandem.situation.Situation;

/**
 * The situation pages: the overview (signals by unit, category and week), the signal list and a signal's page with
 * its triage, and the report form.
 */
@Controller
class SituationController {

    private final Situation situation;
    private final MessageSource messages;
    private final Clock clock;

    private final Rounds rounds;

    SituationController(Situation situation, Rounds rounds, MessageSource messages, Clock clock) {
        this.situation = situation;
        this.rounds = rounds;
        this.messages = messages;
        this.clock = clock;
    }

    /** The reporting schedule: each unit's period and latest rounds (filed, late, open); administrators change it. */
    @GetMapping("/situation/schedule")
    String schedule(@AuthenticationPrincipal TandemPrincipal principal, Model model) {
        model.addAttribute("units", rounds.schedules(principal.user()));
        model.addAttribute("periods", ReportPeriod.values());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("mayChange", principal.user().isAdmin());
        return "situation/schedule";
    }

    @PostMapping("/situation/schedule/{unitId}")
    String changeSchedule(
            @PathVariable Long unitId,
            @RequestParam(name = "period", required = false) ReportPeriod period,
            @RequestParam(name = "active", defaultValue = "false") boolean active,
            @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect,
            Locale locale) {
        rounds.change(unitId, period, active, principal.user());
        redirect.addFlashAttribute("success", messages.getMessage("situation.schedule.saved", null, locale));
        return "redirect:/situation/schedule#unit-" + unitId;
    }

    @GetMapping("/situation")
    String overview(
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) SignalCategory category,
            @RequestParam(required = false) SignalRisk risk,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @AuthenticationPrincipal TandemPrincipal principal,
            Model model) {
        CurrentUser user = principal.user();
        Situation.Overview view =
                situation.overview(new Situation.SignalFilter(unitId, null, risk, category, from, to), user);
        model.addAttribute("view", view);
        model.addAttribute("from", view.weeks().get(0));
        model.addAttribute("to", to == null ? LocalDate.now(clock) : to);
        model.addAttribute("unitId", unitId);
        model.addAttribute("category", category);
        model.addAttribute("risk", risk);
        filters(model, user);
        return "situation/overview";
    }

    @GetMapping("/situation/signals")
    String signals(
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) SignalStatus status,
            @RequestParam(required = false) SignalRisk risk,
            @RequestParam(required = false) SignalCategory category,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal TandemPrincipal principal,
            Model model) {
        CurrentUser user = principal.user();
        var filter = new Situation.SignalFilter(unitId, status, risk, category, from, to);
        var found = situation.signals(filter, PageRequest.of(PageResponse.page(page, 50), 50), user);
        model.addAttribute("signals", found);
        model.addAttribute("filter", filter);
        filters(model, user);
        return "situation/signals";
    }

    @GetMapping("/situation/signals/{id}")
    String signal(@PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal, Model model) {
        CurrentUser user = principal.user();
        Signal s = situation.signal(id, user);
        model.addAttribute("signal", s);
        model.addAttribute("history", situation.history(id, user));
        model.addAttribute("photos", situation.photos(id, user));
        model.addAttribute("people", situation.people(id, user));
        model.addAttribute("caseTypes", CaseType.values());
        model.addAttribute("today", LocalDate.now(clock));
        filters(model, user);
        return "situation/signal";
    }

    @PostMapping("/situation/signals/{id}/photos")
    @RedirectOnError(value = "/situation/signals/{id}", form = "photo-form")
    String addPhoto(
            @PathVariable long id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect,
            Locale locale)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "validation.file.empty");
        }
        try (InputStream in = file.getInputStream()) {
            situation.addPhoto(id, file.getOriginalFilename(), in, principal.user());
        }
        redirect.addFlashAttribute("success", messages.getMessage("signal.photo.added", null, locale));
        return "redirect:/situation/signals/" + id + "#photos";
    }

    @GetMapping("/situation/signals/{id}/photos/{photoId}")
    ResponseEntity<InputStreamResource> photo(
            @PathVariable long id, @PathVariable long photoId, @AuthenticationPrincipal TandemPrincipal principal)
            throws IOException {
        return photoResponse(situation.photo(id, photoId, principal.user()));
    }

    /** A photo shown inline with its sniffed type (never as a page), under its own name. */
    static ResponseEntity<InputStreamResource> photoResponse(Situation.PhotoContent content) {
        var p = content.photo();
        return StoredFile.response(p.getFileName(), p.getContentType(), p.getSize(), content.stream(), true);
    }

    @PostMapping("/situation/signals/{id}/watch")
    @RedirectOnError(value = "/situation/signals/{id}", form = "watch-form")
    String watch(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate followUpOn,
            @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect,
            Locale locale) {
        situation.watch(id, followUpOn, principal.user());
        redirect.addFlashAttribute("success", messages.getMessage("signal.watched", null, locale));
        return "redirect:/situation/signals/" + id;
    }

    @PostMapping("/situation/signals/{id}/promote")
    @RedirectOnError(value = "/situation/signals/{id}", form = "promote-form")
    String promote(
            @PathVariable long id,
            @RequestParam(required = false) CaseType as,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String petitioner,
            @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect,
            Locale locale) {
        Case c = situation.promote(id, new Situation.Promotion(as, title, petitioner), principal.user());
        redirect.addFlashAttribute(
                "success", messages.getMessage("signal.promoted", new Object[] {c.getCode()}, locale));
        return "redirect:/cases/" + c.getCode();
    }

    @PostMapping("/situation/signals/{id}/link")
    @RedirectOnError(value = "/situation/signals/{id}", form = "link-form")
    String link(
            @PathVariable long id,
            @RequestParam(required = false) String caseCode,
            @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect,
            Locale locale) {
        Signal s = situation.link(id, caseCode, principal.user());
        redirect.addFlashAttribute(
                "success", messages.getMessage("signal.linked", new Object[] {s.getCaseCode()}, locale));
        return "redirect:/situation/signals/" + id;
    }

    @PostMapping("/situation/signals/{id}/dismiss")
    @RedirectOnError(value = "/situation/signals/{id}", form = "dismiss-form")
    String dismiss(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect,
            Locale locale) {
        situation.dismiss(id, reason, principal.user());
        redirect.addFlashAttribute("success", messages.getMessage("signal.dismissed", null, locale));
        return "redirect:/situation/signals/" + id;
    }

    @GetMapping("/situation/reports/new")
    String reportForm(
            @RequestParam(name = "round", required = false) Long round,
            @AuthenticationPrincipal TandemPrincipal principal,
            Model model) {
        ReportForm form = new ReportForm();
        LocalDate today = LocalDate.now(clock);
        form.setUnitId(principal.user().unitId());
        form.setPeriodFrom(today.minusDays(6));
        form.setPeriodTo(today);
        if (round != null) {
            // from a report task: the round's unit and period
            ReportRound owed = rounds.round(round, principal.user());
            form.setUnitId(owed.getUnitId());
            form.setPeriodFrom(owed.getPeriodFrom());
            form.setPeriodTo(owed.getPeriodTo());
            model.addAttribute("round", owed);
        }
        form.getSignals().add(new ReportForm.SignalForm());
        return renderReport(form, UUID.randomUUID().toString(), principal.user(), model);
    }

    @PostMapping("/situation/reports/new")
    String report(
            @ModelAttribute("form") ReportForm form,
            BindingResult binding,
            @RequestParam(name = "idempotencyKey", required = false) String idempotencyKey,
            @AuthenticationPrincipal TandemPrincipal principal,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        form.dropEmptySignals();
        if (binding.hasErrors()) {
            return renderReportAgain(form, idempotencyKey, principal.user(), model);
        }
        try {
            Situation.Filed filed = situation.submit(form.toNewReport(), idempotencyKey, principal.user());
            redirect.addFlashAttribute(
                    "success",
                    messages.getMessage(
                            "situation.reported", new Object[] {filed.signals().size()}, locale));
            return "redirect:/situation/signals?unitId=" + filed.report().getUnitId();
        } catch (InvalidInputException e) {
            for (FieldProblem p : e.fieldProblems()) {
                // a person's problem belongs to the signal's "people" box, which holds one person per line
                String field = p.field().replaceAll("^(signals\\[\\d+]\\.petitioners)\\[.*$", "$1");
                if (binding.getFieldErrorCount(field) == 0) {
                    binding.rejectValue(field, p.code(), p.args(), p.code());
                }
            }
            return renderReportAgain(form, idempotencyKey, principal.user(), model);
        }
    }

    private String renderReportAgain(ReportForm form, String key, CurrentUser user, Model model) {
        if (form.getSignals().isEmpty()) {
            form.getSignals().add(new ReportForm.SignalForm());
        }
        return renderReport(
                form, key == null || key.isBlank() ? UUID.randomUUID().toString() : key, user, model);
    }

    private String renderReport(ReportForm form, String idempotencyKey, CurrentUser user, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("idempotencyKey", idempotencyKey);
        model.addAttribute("units", situation.reportingUnits(user));
        model.addAttribute("assessments", Assessment.values());
        model.addAttribute("categories", SignalCategory.values());
        model.addAttribute("risks", SignalRisk.values());
        return "situation/report";
    }

    private void filters(Model model, CurrentUser user) {
        List<Unit> units = situation.visibleUnits(user);
        Map<Long, String> unitNames = new HashMap<>();
        for (Unit u : units) {
            unitNames.put(u.getId(), u.getName());
        }
        model.addAttribute("units", units);
        model.addAttribute("unitNames", unitNames);
        model.addAttribute("categories", SignalCategory.values());
        model.addAttribute("risks", SignalRisk.values());
        model.addAttribute("statuses", SignalStatus.values());
    }
}
