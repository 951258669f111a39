package vn.tandem.inbox.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;
import vn.tandem.common.PageResponse;
import vn.tandem.common.TandemException;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.inbox.InboxFilter;
import vn.tandem.inbox.InboxItem;
import vn.tandem.inbox.InboxQuery;
import vn.tandem.inbox.InboxScope;
import vn.tandem.inbox.InboxSort;
import vn.tandem.inbox.TaskActions;
import vn.tandem.inbox.TaskDrafts;
import vn.tandem.process.FormFieldSpec;
import vn.tandem.process.TaskForm;

/** Tasks over the API: list, form, claim, unclaim, assign, complete. */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Tasks")
class TaskApiController {

    private final InboxQuery query;
    private final TaskActions actions;

    private final TaskDrafts drafts;
    private final MessageSource messages;

    private final Clock clock;

    private final vn.tandem.identity.Directory directory;

    TaskApiController(
            InboxQuery query,
            TaskActions actions,
            TaskDrafts drafts,
            MessageSource messages,
            Clock clock,
            vn.tandem.identity.Directory directory) {
        this.directory = directory;
        this.clock = clock;
        this.messages = messages;
        this.query = query;
        this.actions = actions;
        this.drafts = drafts;
    }

    /** A task in a list. */
    record TaskItem(
            String id,
            String key,
            String name,
            String caseCode,
            String caseTitle,
            String caseType,
            Long unitId,
            String unitName,
            String assignee,
            Instant due,
            Instant created,
            boolean urgent,
            LocalDate followUp) {

        /** The item with its name in the caller's language. */
        static TaskItem of(InboxItem i, Map<Long, String> unitNames, Locale locale, ZoneId zone) {
            boolean english = "en".equals(locale.getLanguage()) && i.getTaskNameEn() != null;
            return new TaskItem(
                    i.getTaskId(),
                    i.getTaskKey(),
                    english ? i.getTaskNameEn() : i.getTaskName(),
                    i.getCaseCode(),
                    i.getCaseTitle(),
                    i.getCaseType(),
                    i.getUnitId(),
                    i.getUnitId() == null ? null : unitNames.get(i.getUnitId()),
                    i.getAssignee(),
                    i.getDueAt(),
                    i.getCreatedAt(),
                    i.isUrgent(),
                    i.getFollowUp() == null ? null : LocalDate.ofInstant(i.getFollowUp(), zone));
        }
    }

    /** One form field. */
    record Field(
            String name,
            String label,
            String type,
            boolean required,
            boolean readOnly,
            Object value,
            List<Option> options,
            Integer minLength,
            Integer maxLength,
            Long min,
            Long max) {}

    /** One allowed value of an enum field. */
    record Option(String value, String label) {}

    /** A task's form. */
    record Form(String key, String name, List<Field> fields) {}

    /** Whom to assign a task to. */
    record Assignment(
            @NotBlank(message = "{validation.required}") String userId) {}

    @GetMapping
    @Operation(
            summary = "Open tasks: mine, my groups' unassigned ones, all I may work, or the ones I may only watch;"
                    + " sort by due, received, case, step or type (a leading - for descending); followUp=due (default:"
                    + " tasks set aside until a later day are left out), later (only those) or all")
    PageResponse<TaskItem> list(
            @AuthenticationPrincipal TandemPrincipal principal,
            @RequestParam(defaultValue = "mine") String scope,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String key,
            @RequestParam(required = false) Integer dueWithin,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String followUp,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size) {
        var tab = switch (scope.toLowerCase(Locale.ROOT)) {
            case "mine" -> InboxScope.MINE;
            case "group" -> InboxScope.GROUP;
            case "all" -> InboxScope.ALL;
            case "watch" -> InboxScope.WATCH;
            default -> throw new InvalidInputException("scope", "validation.option");
        };
        InboxSort order = InboxSort.parse(sort);
        int pageSize = PageResponse.clampSize(size, 20);
        Map<Long, String> unitNames = directory.unitNames();
        return PageResponse.of(
                query.find(
                        principal.user(),
                        tab,
                        new InboxFilter(type, key, overdue, dueWithin, q, InboxFilter.FollowUp.parse(followUp)),
                        order,
                        PageResponse.page(page, pageSize),
                        pageSize),
                i -> TaskItem.of(i, unitNames, LocaleContextHolder.getLocale(), clock.getZone()));
    }

    @GetMapping("/{id}/form")
    @Operation(summary = "The task's form fields, built from its camunda:formData")
    Form form(@PathVariable String id, @AuthenticationPrincipal TandemPrincipal principal, Locale locale) {
        TaskForm form = actions.form(id, principal.user());
        return new Form(
                form.key(),
                form.name(),
                form.fields().stream().map(f -> field(f, locale)).toList());
    }

    @PostMapping("/{id}/claim")
    ResponseEntity<Void> claim(@PathVariable String id, @AuthenticationPrincipal TandemPrincipal principal) {
        actions.claim(id, principal.user());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/unclaim")
    ResponseEntity<Void> unclaim(@PathVariable String id, @AuthenticationPrincipal TandemPrincipal principal) {
        actions.unclaim(id, principal.user());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/assign")
    @Operation(summary = "Assign the task to a candidate (supervisors)")
    ResponseEntity<Void> assign(
            @PathVariable String id,
            @Valid @RequestBody Assignment body,
            @AuthenticationPrincipal TandemPrincipal principal) {
        actions.assign(id, body.userId(), principal.user());
        return ResponseEntity.noContent().build();
    }

    /** When to follow a task up: a day, or null to follow it up now. */
    record FollowUp(LocalDate followUp) {}

    @PutMapping("/{id}/follow-up")
    @Operation(
            summary = "Set a task aside until a day (followUp, yyyy-MM-dd; null clears it): until then it is left out"
                    + " of the inbox unless followUp=later or followUp=all is asked for")
    ResponseEntity<Void> followUp(
            @PathVariable String id, @RequestBody FollowUp body, @AuthenticationPrincipal TandemPrincipal principal) {
        actions.followUp(id, body.followUp(), principal.user());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Complete the task with the form's fields (a candidate may complete without claiming)")
    ResponseEntity<Void> complete(
            @PathVariable String id,
            @RequestBody(required = false) Map<String, Object> body,
            @AuthenticationPrincipal TandemPrincipal principal) {
        actions.complete(id, body == null ? Map.of() : body, principal.user());
        return ResponseEntity.noContent().build();
    }

    /** Tasks to act on at once. */
    record Ids(
            @NotEmpty(message = "{validation.required}") @Size(max = 200, message = "{validation.size.max}")
            List<String> ids) {}

    /** Tasks to hand to one person at once. */
    record BulkAssignment(
            @NotEmpty(message = "{validation.required}") @Size(max = 200, message = "{validation.size.max}")
            List<String> ids,

            @NotBlank(message = "{validation.required}") String userId) {}

    /** What became of one task of a bulk action: the status it would have had alone, and why. */
    record Outcome(String id, int status, String detail) {}

    @PostMapping("/claim")
    @Operation(summary = "Claim several tasks; 200 with each task's outcome (200, 403, 404, 409)")
    List<Outcome> claimAll(@Valid @RequestBody Ids body, @AuthenticationPrincipal TandemPrincipal principal) {
        return each(body.ids(), id -> actions.claim(id, principal.user()), "task.claimed");
    }

    @PostMapping("/assign")
    @Operation(summary = "Assign several tasks to one user; 200 with each task's outcome (200, 400, 403, 404, 409)")
    List<Outcome> assignAll(
            @Valid @RequestBody BulkAssignment body, @AuthenticationPrincipal TandemPrincipal principal) {
        return each(body.ids(), id -> actions.assign(id, body.userId(), principal.user()), "task.assigned");
    }

    /** One transaction per task: one refusal does not undo the others. */
    private List<Outcome> each(List<String> ids, Consumer<String> action, String done) {
        Locale locale = LocaleContextHolder.getLocale();
        return ids.stream()
                .distinct()
                .map(id -> {
                    try {
                        action.accept(id);
                        return new Outcome(id, 200, messages.getMessage(done, null, locale));
                    } catch (TandemException e) {
                        return new Outcome(
                                id,
                                e.status(),
                                messages.getMessage(e.messageCode(), e.args(), e.messageCode(), locale));
                    } catch (ConcurrencyFailureException e) {
                        return new Outcome(id, 409, messages.getMessage("error.conflict", null, locale));
                    }
                })
                .toList();
    }

    @GetMapping("/{id}/draft")
    @Operation(summary = "The caller's draft of the task's form (404 when there is none)")
    ResponseEntity<TaskDrafts.Draft> draft(
            @PathVariable String id, @AuthenticationPrincipal TandemPrincipal principal) {
        return drafts.find(id, principal.user())
                .map(ResponseEntity::ok)
                .orElseThrow(() -> new NotFoundException("task.noDraft"));
    }

    @PutMapping("/{id}/draft")
    @Operation(summary = "Save what the caller has typed in the task's form so far (fields as text)")
    TaskDrafts.Draft saveDraft(
            @PathVariable String id,
            @RequestBody Map<String, String> body,
            @AuthenticationPrincipal TandemPrincipal principal) {
        return drafts.save(id, body, principal.user());
    }

    @DeleteMapping("/{id}/draft")
    @Operation(summary = "Discard the caller's draft of the task's form")
    ResponseEntity<Void> discardDraft(@PathVariable String id, @AuthenticationPrincipal TandemPrincipal principal) {
        drafts.discard(id, principal.user());
        return ResponseEntity.noContent().build();
    }

    static Field field(FormFieldSpec f, Locale locale) {
        Object value = f.value() instanceof LocalDate d ? d.toString() : f.value();
        return new Field(
                f.name(),
                f.label(locale),
                f.type(),
                f.required(),
                f.readOnly(),
                value,
                f.options().stream()
                        .map(o -> new Option(o.value(), o.label(locale)))
                        .toList(),
                f.minLength(),
                f.maxLength(),
                f.min(),
                f.max());
    }
}
