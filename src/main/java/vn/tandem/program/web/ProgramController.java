package vn.tandem.program.web;

import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tandem.common.ConflictException;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.PageResponse;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.identity.Unit;
import vn.tandem.program.ModelField;
import vn.tandem.program.ProgramItem;
import vn.tandem.program.ProgramKind;
import vn.tandem.program.ProgramStatus;
import vn.tandem.program.Programs;

/** The program registry's pages: the list (by kind, search, filters), an item, and its form. */
@Controller
class ProgramController {

    private final Programs programs;
    private final Directory directory;
    private final MessageSource messages;

    ProgramController(Programs programs, Directory directory, MessageSource messages) {
        this.programs = programs;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/program")
    String list(
            @RequestParam(required = false) ProgramKind kind,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) ProgramStatus status,
            @RequestParam(required = false) String agency,
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) ModelField field,
            @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal TandemPrincipal principal,
            Model model) {
        Programs.Filter filter = new Programs.Filter(kind, q, status, agency, unitId, field, year);
        model.addAttribute(
                "items", programs.list(filter, PageRequest.of(PageResponse.page(page, 50), 50), principal.user()));
        model.addAttribute("filter", filter);
        choices(model, principal.user());
        return "program/list";
    }

    @GetMapping("/program/{id}")
    String item(@PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal, Model model) {
        ProgramItem item = programs.get(id, null, principal.user());
        model.addAttribute("item", item);
        model.addAttribute("caseCodes", programs.caseCodes(item));
        model.addAttribute("mayWrite", Programs.writes(principal.user()));
        return "program/item";
    }

    @GetMapping("/program/new")
    String newForm(
            @RequestParam(defaultValue = "CAMPAIGN") ProgramKind kind,
            @AuthenticationPrincipal TandemPrincipal principal,
            Model model) {
        if (!Programs.writes(principal.user())) {
            throw new vn.tandem.common.ForbiddenException("program.writeForbidden");
        }
        ProgramForm form = new ProgramForm();
        form.setUnitId(principal.user().unitId());
        form.setStartDate(LocalDate.now());
        return render(form, kind, null, principal.user(), model);
    }

    @PostMapping("/program/new")
    String create(
            @RequestParam(defaultValue = "CAMPAIGN") ProgramKind kind,
            @ModelAttribute("form") ProgramForm form,
            BindingResult binding,
            @AuthenticationPrincipal TandemPrincipal principal,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        if (binding.hasErrors()) {
            return render(form, kind, null, principal.user(), model);
        }
        try {
            ProgramItem item = programs.create(kind, form.input(), principal.user());
            redirect.addFlashAttribute("success", messages.getMessage("program.saved", null, locale));
            return "redirect:/program/" + item.getId();
        } catch (InvalidInputException e) {
            reject(binding, e);
            return render(form, kind, null, principal.user(), model);
        }
    }

    @GetMapping("/program/{id}/edit")
    String editForm(@PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal, Model model) {
        if (!Programs.writes(principal.user())) {
            throw new vn.tandem.common.ForbiddenException("program.writeForbidden");
        }
        ProgramItem item = programs.get(id, null, principal.user());
        return render(ProgramForm.of(item, programs.caseCodes(item)), item.getKind(), item, principal.user(), model);
    }

    @PostMapping("/program/{id}/edit")
    String update(
            @PathVariable long id,
            @ModelAttribute("form") ProgramForm form,
            BindingResult binding,
            @AuthenticationPrincipal TandemPrincipal principal,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        ProgramItem item = programs.get(id, null, principal.user());
        if (binding.hasErrors()) {
            return render(form, item.getKind(), item, principal.user(), model);
        }
        try {
            programs.update(id, item.getKind(), form.input(), form.getVersion(), principal.user());
            redirect.addFlashAttribute("success", messages.getMessage("program.saved", null, locale));
            return "redirect:/program/" + id;
        } catch (InvalidInputException e) {
            reject(binding, e);
            return render(form, item.getKind(), item, principal.user(), model);
        } catch (ConflictException e) {
            model.addAttribute("conflict", messages.getMessage(e.messageCode(), e.args(), e.messageCode(), locale));
            return render(form, item.getKind(), item, principal.user(), model);
        }
    }

    private static void reject(BindingResult binding, InvalidInputException e) {
        for (FieldProblem p : e.fieldProblems()) {
            if (binding.getFieldErrorCount(p.field()) == 0) {
                binding.rejectValue(p.field(), p.code(), p.args(), p.code());
            }
        }
    }

    private String render(ProgramForm form, ProgramKind kind, ProgramItem item, CurrentUser user, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("kind", kind);
        model.addAttribute("item", item);
        model.addAttribute(
                "writableUnits",
                directory.units().stream()
                        .filter(u -> user.isAdmin()
                                || (u.getAgencyCode().equals(user.agency())
                                        && user.coversArea(u.getArea().getPath())))
                        .toList());
        choices(model, user);
        return "program/form";
    }

    private void choices(Model model, CurrentUser user) {
        model.addAttribute("kinds", ProgramKind.values());
        model.addAttribute("statuses", ProgramStatus.values());
        model.addAttribute("fields", ModelField.values());
        model.addAttribute("agencies", directory.agencies());
        model.addAttribute("units", directory.units());
        model.addAttribute(
                "unitNames",
                directory.units().stream().collect(java.util.stream.Collectors.toMap(Unit::getId, Unit::getName)));
        model.addAttribute("mayWrite", Programs.writes(user));
    }
}
