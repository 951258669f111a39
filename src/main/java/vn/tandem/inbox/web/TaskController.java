package vn.tandem.inbox.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.casefile.PetitionerView;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.RedirectOnError;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.KeptForm;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.inbox.TaskActions;
import vn.tandem.inbox.TaskFieldChoices;
import vn.tandem.process.LegacyAgencySteps;
import vn.tandem.process.TaskForm;
import vn.tandem.process.TaskSnapshot;

/** A task page: its form (laid out by the step's template or generically) beside the case summary. */
@Controller
class TaskController {

    private final TaskActions actions;
    private final CaseFiles caseFiles;
    private final MessageSource messages;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Clock clock;

    private final ObjectProvider<TaskFieldChoices> fieldChoices;

    TaskController(
            TaskActions actions,
            CaseFiles caseFiles,
            MessageSource messages,
            Clock clock,
            ObjectProvider<TaskFieldChoices> fieldChoices) {
        this.clock = clock;
        this.fieldChoices = fieldChoices;
        this.actions = actions;
        this.caseFiles = caseFiles;
        this.messages = messages;
    }

    @GetMapping("/tasks/{id}")
    String task(
            @PathVariable String id,
            @AuthenticationPrincipal TandemPrincipal principal,
            HttpServletRequest request,
            Model model,
            Locale locale) {
        // what was typed before the session ended and the user signed in again
        Map<String, ?> kept = KeptForm.take(request, "/tasks/" + id)
                .<Map<String, ?>>map(KeptForm::values)
                .orElse(Map.of());
        if (!kept.isEmpty()) {
            model.addAttribute("info", messages.getMessage("task.keptAfterLogin", null, locale));
        }
        return render(id, principal.user(), model, kept, Map.of());
    }

    @PostMapping("/tasks/{id}")
    @RedirectOnError("/inbox")
    String complete(
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> params,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @AuthenticationPrincipal TandemPrincipal principal,
            Model model,
            RedirectAttributes redirect,
            Locale locale)
            throws IOException {
        Map<String, Object> values = new HashMap<>();
        params.forEach((name, list) -> {
            if (!name.startsWith("_")) {
                values.put(name, list.size() == 1 ? list.get(0) : list.get(list.size() - 1));
            }
        });
        TaskActions.VisibleTask done;
        try (InputStream content = file == null || file.isEmpty() ? null : file.getInputStream()) {
            done = actions.complete(
                    id,
                    values,
                    content == null ? null : new TaskActions.Upload(file.getOriginalFilename(), content),
                    principal.user());
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldProblem p : e.fieldProblems()) {
                errors.put(p.field(), messages.getMessage(p.code(), p.args(), p.code(), locale));
            }
            model.addAttribute("errorSummary", messages.getMessage("error.validation", null, locale));
            return render(id, principal.user(), model, values, errors);
        }
        // the officer's next step on the same case, if there is one, rather than the inbox
        Long caseId = done.task().caseId();
        var next = caseId == null ? Optional.<TaskSnapshot>empty() : actions.nextOnCase(caseId, principal.user());
        if (next.isPresent()) {
            redirect.addFlashAttribute("success", messages.getMessage("task.completedNext", null, locale));
            return "redirect:/tasks/" + next.get().id();
        }
        redirect.addFlashAttribute("success", messages.getMessage("task.completed", null, locale));
        return "redirect:/inbox";
    }

    @PostMapping("/tasks/{id}/claim")
    @RedirectOnError("/tasks/{id}")
    String claim(
            @PathVariable String id,
            @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect,
            Locale locale) {
        actions.claim(id, principal.user());
        redirect.addFlashAttribute("success", messages.getMessage("task.claimed", null, locale));
        return "redirect:/tasks/" + id;
    }

    @PostMapping("/tasks/{id}/unclaim")
    String unclaim(
            @PathVariable String id,
            @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect,
            Locale locale) {
        actions.unclaim(id, principal.user());
        redirect.addFlashAttribute("success", messages.getMessage("task.unclaimed", null, locale));
        return "redirect:/tasks/" + id;
    }

    @PostMapping("/tasks/{id}/assign")
    @RedirectOnError("/tasks/{id}")
    String assign(
            @PathVariable String id,
            @RequestParam(required = false) String userId,
            @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect,
            Locale locale) {
        actions.assign(id, userId, principal.user());
        redirect.addFlashAttribute("success", messages.getMessage("task.assigned", null, locale));
        return "redirect:/tasks/" + id;
    }

    /** Sets the task aside until a day (field {@code followUp}, empty: follow it up now). */
    @PostMapping("/tasks/{id}/follow-up")
    @RedirectOnError("/tasks/{id}")
    String followUp(
            @PathVariable String id,
            @RequestParam(required = false) LocalDate followUp,
            @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect,
            Locale locale) {
        actions.followUp(id, followUp, principal.user());
        redirect.addFlashAttribute(
                "success",
                followUp == null
                        ? messages.getMessage("task.followUp.cleared", null, locale)
                        : messages.getMessage("task.followUp.set", new Object[] {DAY.format(followUp)}, locale));
        return "redirect:/tasks/" + id;
    }

    private String render(
            String id, CurrentUser user, Model model, Map<String, ?> submitted, Map<String, String> errors) {
        TaskActions.VisibleTask visible = actions.visible(id, user);
        TaskForm form = actions.form(visible); // the task is read once per request
        model.addAttribute("task", visible.task());
        var c = visible.caseFile();
        model.addAttribute("caseFile", c);
        model.addAttribute("subject", visible.subject());
        model.addAttribute(
                "petitioners",
                c == null
                        ? List.of()
                        : c.getPetitioners().stream().map(PetitionerView::of).toList());
        model.addAttribute("form", form);
        model.addAttribute("submitted", submitted);
        model.addAttribute("errors", errors);
        model.addAttribute("mayWork", actions.mayWork(visible.task(), user));
        model.addAttribute(
                "followUpDay",
                visible.task().followUp() == null
                        ? null
                        : LocalDate.ofInstant(visible.task().followUp(), clock.getZone()));
        model.addAttribute("today", LocalDate.now(clock));
        boolean mayReassign = actions.mayReassign(visible, user);
        model.addAttribute("mayReassign", mayReassign);
        model.addAttribute("assignees", mayReassign ? actions.possibleAssignees(visible) : List.of());
        model.addAttribute(
                "template", form.template().map(t -> "inbox/forms/" + t).orElse("inbox/forms/generic"));
        model.addAttribute("plans", c == null ? List.of() : caseFiles.plans(c.getId()));
        Map<String, List<TaskFieldChoices.Choice>> choices = new HashMap<>();
        fieldChoices.orderedStream().forEach(f -> choices.putAll(f.choices(visible.task(), user)));
        model.addAttribute("choices", choices);
        model.addAttribute("verifications", c == null ? List.of() : caseFiles.verifications(c.getId()));
        model.addAttribute(
                "firstResponse",
                c == null ? null : caseFiles.firstResponse(c.getId()).orElse(null));
        // fields of older process versions that the layouts show another way (the agencies' findings)
        model.addAttribute("legacyFields", String.join(",", LegacyAgencySteps.PROPOSAL_FIELDS));
        return "inbox/task";
    }
}
