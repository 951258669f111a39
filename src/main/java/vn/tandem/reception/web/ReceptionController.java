package vn.tandem.reception.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.InvalidInputException;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.identity.Unit;
import vn.tandem.reception.ReceptionInput;
import vn.tandem.reception.ReceptionLog;

/** The reception log and dialogue pages: both lists with filters, and a form for each. */
@Controller
class ReceptionController {

    /** Days the list shows when no period is chosen. */
    static final int DEFAULT_DAYS = 90;

    private final ReceptionLog log;
    private final Directory directory;
    private final MessageSource messages;
    private final Clock clock;

    ReceptionController(ReceptionLog log, Directory directory, MessageSource messages, Clock clock) {
        this.log = log;
        this.directory = directory;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/receptions")
    String list(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) String q,
            @AuthenticationPrincipal TandemPrincipal principal,
            Model model) {
        CurrentUser user = principal.user();
        if (from == null && to == null) {
            from = LocalDate.now(clock).minusDays(DEFAULT_DAYS); // the page opens on the last three months
        }
        var receptions = log.receptions(from, to, unitId, q, user);
        var dialogues = log.dialogues(from, to, unitId, q, user);
        model.addAttribute("receptions", receptions);
        model.addAttribute("dialogues", dialogues);
        model.addAttribute("codes", log.linkedCodes(receptions, dialogues, user));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("unitId", unitId);
        model.addAttribute("q", q);
        model.addAttribute(
                "citizens", receptions.stream().mapToInt(r -> r.getCitizens()).sum());
        choices(model, user);
        return "reception/list";
    }

    @GetMapping("/receptions/new")
    String receptionForm(@AuthenticationPrincipal TandemPrincipal principal, Model model) {
        ReceptionForm form = new ReceptionForm();
        form.setHeldOn(LocalDate.now(clock));
        form.setUnitId(principal.user().unitId());
        model.addAttribute("form", form);
        choices(model, principal.user());
        return "reception/reception-form";
    }

    @PostMapping("/receptions/new")
    String record(
            @ModelAttribute("form") ReceptionForm form,
            BindingResult binding,
            @AuthenticationPrincipal TandemPrincipal principal,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        choices(model, principal.user());
        if (binding.hasErrors()) {
            return "reception/reception-form";
        }
        try {
            log.record(form.input(), principal.user());
            redirect.addFlashAttribute("success", messages.getMessage("reception.saved", null, locale));
            return "redirect:/receptions";
        } catch (InvalidInputException e) {
            reject(binding, e);
            return "reception/reception-form";
        }
    }

    @GetMapping("/dialogues/new")
    String dialogueForm(@AuthenticationPrincipal TandemPrincipal principal, Model model) {
        DialogueForm form = new DialogueForm();
        form.setHeldOn(LocalDate.now(clock));
        form.setUnitId(principal.user().unitId());
        form.setAgencies(new ArrayList<>(List.of(principal.user().agency())));
        model.addAttribute("form", form);
        choices(model, principal.user());
        return "reception/dialogue-form";
    }

    @PostMapping("/dialogues/new")
    String recordDialogue(
            @ModelAttribute("form") DialogueForm form,
            BindingResult binding,
            @AuthenticationPrincipal TandemPrincipal principal,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        choices(model, principal.user());
        if (binding.hasErrors()) {
            return "reception/dialogue-form";
        }
        try {
            log.record(form.input(), principal.user());
            redirect.addFlashAttribute("success", messages.getMessage("reception.dialogueSaved", null, locale));
            return "redirect:/receptions#dialogues";
        } catch (InvalidInputException e) {
            reject(binding, e);
            return "reception/dialogue-form";
        }
    }

    /** The service's problems on the form's fields; a matter's problem belongs to the matters box. */
    private static void reject(BindingResult binding, InvalidInputException e) {
        for (FieldProblem p : e.fieldProblems()) {
            String field = p.field().replaceAll("^matters\\[\\d+].*$", "matters");
            if (binding.getFieldErrorCount(field) == 0) {
                binding.rejectValue(field, p.code(), p.args(), p.code());
            }
        }
    }

    /** One matter per line: "what was raised; case code" (the code optional). */
    static List<ReceptionInput.Matter> matters(String text) {
        List<ReceptionInput.Matter> result = new ArrayList<>();
        if (text == null) {
            return result;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int at = line.lastIndexOf(';');
            String code = at < 0 ? null : line.substring(at + 1).strip();
            boolean isCode = code != null && code.matches("(?i)[A-Z]{2}-\\d{4}-\\d{6}");
            result.add(new ReceptionInput.Matter(
                    isCode ? line.substring(0, at).strip() : line.strip(), isCode ? code : null));
        }
        return result;
    }

    static List<String> codes(String text) {
        return text == null || text.isBlank()
                ? List.of()
                : Arrays.stream(text.split("[,;\\s]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
    }

    private void choices(Model model, CurrentUser user) {
        List<Unit> units = directory.units();
        model.addAttribute("units", units);
        model.addAttribute("unitNames", units.stream().collect(Collectors.toMap(Unit::getId, Unit::getName)));
        model.addAttribute(
                "writableUnits",
                units.stream().filter(u -> ReceptionLog.mayRecord(user, u)).toList());
        model.addAttribute("agencies", directory.agencies());
    }
}
