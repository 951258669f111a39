package vn.tandem.sla.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.RedirectOnError;
import vn.tandem.identity.Directory;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.process.SlaEscalation;
import vn.tandem.sla.Escalation;
import vn.tandem.sla.EscalationDesk;

/** An escalation's page: the overdue step, its deadlines and legal cap, and the four actions. */
@Controller
@PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
class EscalationController {

    private final EscalationDesk desk;
    private final Directory directory;
    private final MessageSource messages;

    EscalationController(EscalationDesk desk, Directory directory, MessageSource messages) {
        this.desk = desk;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/escalations/{id}")
    String page(
            @PathVariable long id,
            @RequestParam(defaultValue = SlaEscalation.ACTION_EXTEND) String action,
            @AuthenticationPrincipal TandemPrincipal principal,
            Model model) {
        return render(id, action, Map.of(), Map.of(), principal, model);
    }

    @PostMapping("/escalations/{id}/act")
    @RedirectOnError("/escalations/{id}")
    String act(
            @PathVariable long id,
            @RequestParam String action,
            @RequestParam Map<String, String> params,
            @AuthenticationPrincipal TandemPrincipal principal,
            Model model,
            RedirectAttributes redirect,
            Locale locale) {
        Map<String, String> fields = new HashMap<>(params);
        fields.remove("action");
        fields.remove("_csrf");
        try {
            desk.act(id, action, fields, principal.user());
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldProblem p : e.fieldProblems()) {
                errors.putIfAbsent(p.field(), messages.getMessage(p.code(), p.args(), p.code(), locale));
            }
            return render(id, action, fields, errors, principal, model);
        }
        redirect.addFlashAttribute("success", messages.getMessage("escalation.done." + action, null, locale));
        return "redirect:/dashboard";
    }

    private String render(
            long id,
            String action,
            Map<String, String> values,
            Map<String, String> errors,
            TandemPrincipal principal,
            Model model) {
        EscalationDesk.Item item = desk.get(id, principal.user());
        model.addAttribute("item", item);
        model.addAttribute("e", item.escalation());
        model.addAttribute(
                "action",
                item.actions().contains(action) ? action : item.actions().get(0));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "extensions",
                item.caseFile() == null
                        ? List.of()
                        : desk.extensionsOf(item.caseFile().getId()));
        model.addAttribute(
                "officers",
                item.officers().stream()
                        .map(u -> Map.of("username", u, "name", directory.displayName(u)))
                        .toList());
        return "sla/escalation";
    }

    /** Escalations over the API. */
    @RestController
    @Tag(name = "SLA")
    @PreAuthorize("hasAnyRole('SUPERVISOR','ADMIN')")
    static class Api {

        private final EscalationDesk desk;
        private final MessageSource messages;

        Api(EscalationDesk desk, MessageSource messages) {
            this.desk = desk;
            this.messages = messages;
        }

        record EscalationView(
                long id,
                String caseCode,
                String caseTitle,
                String reference,
                String link,
                String watchedTaskId,
                String watchedTask,
                String legalStep,
                String agency,
                int level,
                int rounds,
                String status,
                Instant raisedAt,
                Instant supervisorDue,
                LocalDate currentDue,
                LocalDate statutoryDue,
                LocalDate latestExtension,
                boolean mayAct,
                List<String> actions,
                Map<String, String> unavailable,
                String action,
                String handledBy,
                Instant handledAt,
                String note) {

            static EscalationView of(EscalationDesk.Item i, MessageSource messages) {
                Escalation e = i.escalation();
                Map<String, String> why = new LinkedHashMap<>();
                i.unavailable()
                        .forEach((action, p) -> why.put(
                                action,
                                messages.getMessage(p.code(), p.args(), p.code(), LocaleContextHolder.getLocale())));
                return new EscalationView(
                        e.getId(),
                        i.caseFile() == null ? null : i.caseFile().getCode(),
                        i.title(),
                        i.reference(),
                        i.link(),
                        e.getWatchedTaskId(),
                        e.getWatchedTaskName(),
                        e.getLegalStep() == null ? null : e.getLegalStep().name(),
                        e.getAgency(),
                        e.getLevel(),
                        e.getRounds(),
                        e.getStatus().name(),
                        e.getRaisedAt(),
                        e.getTaskDue(),
                        i.currentDue(),
                        i.statutory(),
                        i.latestAllowed(),
                        i.mayAct(),
                        i.actions(),
                        why,
                        e.getAction(),
                        e.getHandledBy(),
                        e.getHandledAt(),
                        e.getNote());
            }
        }

        /*
         * The API's names for the escalation form's fields. Required-ness is checked here; lengths, the legal cap of
         * an extension and who may be assigned are checked by the form the process declares and by the desk.
         */

        /** An extension by written decision. */
        record ExtendRequest(
                @NotBlank(message = "{validation.required}") String decisionNumber,

                @NotNull(message = "{validation.required}") @PastOrPresent(message = "{validation.notAfterToday}")
                LocalDate decisionDate,

                @NotNull(message = "{validation.required}") LocalDate newDeadline,
                @NotBlank(message = "{validation.required}") String reason) {}

        /** The officer to give the overdue task to. */
        record ReassignRequest(
                @NotBlank(message = "{validation.required}") String assignee,
                @NotBlank(message = "{validation.required}") String reason) {}

        /** A joint meeting to convene. */
        record MeetingRequest(
                @NotNull(message = "{validation.required}") @FutureOrPresent(message = "{validation.future}")
                LocalDate date,

                @NotBlank(message = "{validation.required}") String agenda,
                @NotBlank(message = "{validation.required}") String reason) {}

        /** Why the escalation closes. */
        record CloseRequest(
                @NotBlank(message = "{validation.required}") String note) {}

        @GetMapping("/api/escalations")
        @Operation(summary = "Open escalations of the cases the caller sees (those the caller may act on first)")
        List<EscalationView> open(@AuthenticationPrincipal TandemPrincipal principal) {
            return desk.open(principal.user()).stream()
                    .map(i -> EscalationView.of(i, messages))
                    .toList();
        }

        @GetMapping("/api/escalations/{id}")
        @Operation(summary = "One escalation with the step's current deadline and the latest extension the law allows")
        EscalationView one(@PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal) {
            return EscalationView.of(desk.get(id, principal.user()), messages);
        }

        @PostMapping("/api/escalations/{id}/extend")
        @Operation(summary = "Extend the overdue step by written decision; beyond the legal cap answers 400")
        ResponseEntity<Void> extend(
                @PathVariable long id,
                @Valid @RequestBody ExtendRequest body,
                @AuthenticationPrincipal TandemPrincipal principal) {
            desk.act(
                    id,
                    SlaEscalation.ACTION_EXTEND,
                    Map.of(
                            SlaEscalation.FIELD_DECISION_NUMBER, body.decisionNumber(),
                            SlaEscalation.FIELD_DECISION_DATE,
                                    body.decisionDate().toString(),
                            SlaEscalation.FIELD_NEW_DEADLINE, body.newDeadline().toString(),
                            SlaEscalation.FIELD_NOTE, body.reason()),
                    principal.user());
            return ResponseEntity.noContent().build();
        }

        @PostMapping("/api/escalations/{id}/reassign")
        @Operation(summary = "Give the overdue task to another officer who may work it")
        ResponseEntity<Void> reassign(
                @PathVariable long id,
                @Valid @RequestBody ReassignRequest body,
                @AuthenticationPrincipal TandemPrincipal principal) {
            desk.act(
                    id,
                    SlaEscalation.ACTION_REASSIGN,
                    Map.of(SlaEscalation.FIELD_REASSIGN_TO, body.assignee(), SlaEscalation.FIELD_NOTE, body.reason()),
                    principal.user());
            return ResponseEntity.noContent().build();
        }

        @PostMapping("/api/escalations/{id}/meeting")
        @Operation(summary = "Convene a joint meeting: the supervisors of every agency taking part get a meeting task")
        ResponseEntity<Void> meeting(
                @PathVariable long id,
                @Valid @RequestBody MeetingRequest body,
                @AuthenticationPrincipal TandemPrincipal principal) {
            desk.act(
                    id,
                    SlaEscalation.ACTION_MEETING,
                    Map.of(
                            SlaEscalation.FIELD_MEETING_DATE, body.date().toString(),
                            SlaEscalation.FIELD_MEETING_AGENDA, body.agenda(),
                            SlaEscalation.FIELD_NOTE, body.reason()),
                    principal.user());
            return ResponseEntity.noContent().build();
        }

        @PostMapping("/api/escalations/{id}/close")
        @Operation(summary = "Close the escalation with a note")
        ResponseEntity<Void> close(
                @PathVariable long id,
                @Valid @RequestBody CloseRequest body,
                @AuthenticationPrincipal TandemPrincipal principal) {
            desk.act(id, SlaEscalation.ACTION_CLOSE, Map.of(SlaEscalation.FIELD_NOTE, body.note()), principal.user());
            return ResponseEntity.noContent().build();
        }
    }
}
