package vn.tandem.intake.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseType;
import vn.tandem.casefile.Channel;
import vn.tandem.casefile.Detection;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.InvalidInputException;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.intake.Intake;
import vn.tandem.intake.IntakeForm;

/** The intake form: validated on the server, messages in the user's language, nothing typed is lost. */
@Controller
class IntakeController {

    private final Intake intake;
    private final Directory directory;
    private final SmartValidator validator;
    private final MessageSource messages;

    IntakeController(Intake intake, Directory directory, SmartValidator validator, MessageSource messages) {
        this.intake = intake;
        this.directory = directory;
        this.validator = validator;
        this.messages = messages;
    }

    @GetMapping("/cases/new")
    String form(@AuthenticationPrincipal TandemPrincipal principal, Model model) {
        IntakeForm form = new IntakeForm();
        form.setUnitId(principal.user().unitId());
        form.setChannel(Channel.RECEPTION);
        form.getPetitioners().add(new IntakeForm.PetitionerForm());
        return render(form, principal.user(), model);
    }

    @PostMapping("/cases/new")
    String submit(
            @ModelAttribute("form") IntakeForm form,
            BindingResult binding,
            @AuthenticationPrincipal TandemPrincipal principal,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        form.dropEmptyPetitioners();
        validator.validate(form, binding);
        if (binding.hasErrors()) {
            return renderWithPetitionerRow(form, principal.user(), model);
        }
        try {
            Case c = intake.receive(form, principal.user());
            redirect.addFlashAttribute(
                    "success", messages.getMessage("intake.created", new Object[] {c.getCode()}, locale));
            return "redirect:/cases/" + c.getCode();
        } catch (InvalidInputException e) {
            for (FieldProblem p : e.fieldProblems()) {
                binding.rejectValue(p.field(), p.code(), p.args(), p.code());
            }
            return renderWithPetitionerRow(form, principal.user(), model);
        }
    }

    private String renderWithPetitionerRow(IntakeForm form, CurrentUser user, Model model) {
        if (form.getPetitioners().isEmpty()) {
            form.getPetitioners().add(new IntakeForm.PetitionerForm());
        }
        return render(form, user, model);
    }

    private String render(IntakeForm form, CurrentUser user, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("caseTypes", CaseType.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("detections", Detection.values());
        model.addAttribute(
                "units",
                directory.units().stream()
                        .filter(u -> u.getAgencyCode().equals(user.agency())
                                && user.coversArea(u.getArea().getPath()))
                        .toList());
        return "intake/new";
    }

    /** Splits a letter on the case page: one further matter per line of {@code titles}. */
    @PostMapping("/cases/{code}/split")
    @vn.tandem.common.RedirectOnError(value = "/cases/{code}", form = "split-form")
    String split(
            @org.springframework.web.bind.annotation.PathVariable String code,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String titles,
            @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect) {
        java.util.List<String> lines =
                titles == null ? java.util.List.of() : titles.lines().toList();
        intake.split(code, lines, principal.user());
        return "redirect:/cases/" + code + "#case-related";
    }
}
