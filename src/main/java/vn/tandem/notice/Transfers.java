package vn.tandem.notice;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.casefile.Timeline;
import vn.tandem.common.CleanText;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.ForbiddenException;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;
import vn.tandem.common.Text;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Role;
import vn.tandem.notification.Notification;
import vn.tandem.notification.Notifier;
import vn.tandem.process.CaseHandling;
import vn.tandem.process.TaskClosed;
import vn.tandem.sla.CaseClocks;
import vn.tandem.sla.LegalCalendar;
import vn.tandem.sla.LegalRules;
import vn.tandem.sla.LegalStep;

/**
 * Transfers (docs/notices.md): a case the accepting officer sends to the competent body is recorded with the body,
 * the reason and the day the body's answer is awaited by — the receiving body's own acceptance limit for the case
 * type under the legal rules, counted from the transfer (ten working days where no rule sets one). The slip and the
 * citizen's notice are issued on their own once the transfer commits ({@link NoticeDuties}); the officer records the
 * body's answer; a transfer still unanswered after its due day is reminded once, to the officer and the lead
 * agency's supervisors.
 */
@Service
public class Transfers {

    /** Days to await the answer where no acceptance rule applies to the case type. */
    static final int DEFAULT_ANSWER_WORKING_DAYS = 10;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** A transfer as the case page, the register and the API show it. */
    public record TransferView(
            String caseCode,
            String caseTitle,
            String caseType,
            String leadAgency,
            String recipient,
            String reason,
            String transferredBy,
            java.time.Instant transferredAt,
            Forward forward,
            LocalDate answerDue,
            Transfer.State state,
            Answer answer,
            List<Notices.Issued> documents) {}

    /** The forwarding limit of the legal rules and whether the transfer met it. */
    public record Forward(LocalDate due, LocalDate statutoryDue, String legalBasis, boolean onTime) {}

    /** The receiving body's answer. */
    public record Answer(String kind, String reference, String note, LocalDate answeredOn, String answeredBy) {}

    /** What recording an answer asks for. */
    public record AnswerInput(String kind, String reference, String note, String answeredOn) {}

    /** One page of the register. */
    public record Listing(List<TransferView> rows, int page, int pages, long total) {}

    static final int PAGE_SIZE = 50;

    private final TransferRecords records;
    private final CaseFiles caseFiles;
    private final CaseClocks clocks;
    private final LegalRules rules;
    private final LegalCalendar calendar;
    private final Notices notices;
    private final Timeline timeline;
    private final AuditLog audit;
    private final Notifier notifier;
    private final Directory directory;
    private final Clock clock;

    Transfers(
            TransferRecords records,
            CaseFiles caseFiles,
            CaseClocks clocks,
            LegalRules rules,
            LegalCalendar calendar,
            Notices notices,
            Timeline timeline,
            AuditLog audit,
            Notifier notifier,
            Directory directory,
            Clock clock) {
        this.records = records;
        this.caseFiles = caseFiles;
        this.clocks = clocks;
        this.rules = rules;
        this.calendar = calendar;
        this.notices = notices;
        this.timeline = timeline;
        this.audit = audit;
        this.notifier = notifier;
        this.directory = directory;
        this.clock = clock;
    }

    /** The accepting officer chose to transfer: record it in the same transaction. */
    @EventListener
    void on(TaskClosed event) {
        if (!event.completed()
                || !CaseHandling.TASK_ACCEPT.equals(event.task().key())
                || !CaseHandling.DECISION_TRANSFER.equals(event.text(CaseHandling.FIELD_DECISION))) {
            return;
        }
        String key = event.task().businessKey();
        if (key == null || !key.matches("\\d{1,18}")) {
            return;
        }
        Case c = caseFiles.byId(Long.parseLong(key)).orElse(null);
        if (c == null || records.findByCaseId(c.getId()).isPresent()) {
            return;
        }
        String body = event.text(CaseHandling.FIELD_COMPETENT_BODY);
        String reason = event.text(CaseHandling.FIELD_REASON);
        LocalDate today = LocalDate.now(clock);
        LocalDate due = rules.standardDeadline(c.getType().name(), LegalStep.ACCEPT, today)
                .map(LegalRules.Deadline::statutoryDue)
                .filter(d -> d != null)
                .orElseGet(() -> calendar.addWorkingDays(today, DEFAULT_ANSWER_WORKING_DAYS));
        // an older process version may not ask for the body: the reason then says where it went
        String recipient = body != null && !body.isBlank() ? body : reason != null && !reason.isBlank() ? reason : "-";
        Transfer t = records.save(new Transfer(
                c.getId(),
                abbreviate(recipient.strip(), 300),
                reason == null ? null : reason.strip(),
                event.completedBy() == null ? "system" : event.completedBy(),
                clock.instant(),
                due));
        timeline.add(
                c.getId(),
                event.completedBy(),
                "TRANSFER",
                Text.of("timeline.transfer", t.getRecipient()),
                List.of(Timeline.Detail.of("timeline.label.answerDue", DAY.format(due))),
                "transfer",
                String.valueOf(t.getId()));
        audit.record(
                "TRANSFER_RECORDED",
                c.getId(),
                c.getCode(),
                "transfer",
                String.valueOf(t.getId()),
                Map.of("recipient", t.getRecipient(), "answerDue", due.toString()));
    }

    /** The transfer of a case the user sees, if it was transferred. */
    @Transactional(readOnly = true)
    public Optional<TransferView> ofCase(String code, CurrentUser user) {
        Case c = caseFiles.visible(code, user);
        return records.findByCaseId(c.getId()).map(t -> view(t, c, clocks.of(c), notices.of(code, user)));
    }

    /** The transfer row of a case, for the notices issued on their own. */
    Optional<Transfer> of(long caseId) {
        return records.findByCaseId(caseId);
    }

    /**
     * Records the receiving body's answer (the lead agency's officers and supervisors); a later answer replaces an
     * earlier one (accepted, then resolved), each kept on the timeline. A body that sent the matter back is told to
     * the lead agency's supervisors: the case needs a new decision.
     */
    @Transactional
    public TransferView answer(String code, AnswerInput in, CurrentUser user) {
        Case c = caseFiles.contributable(code, user);
        if (!user.isAdmin() && !user.agency().equals(c.getLeadAgency())) {
            throw new ForbiddenException("transfer.forbidden");
        }
        Transfer t = records.findByCaseId(c.getId()).orElseThrow(() -> new NotFoundException("transfer.notFound"));
        List<FieldProblem> problems = new ArrayList<>();
        Transfer.AnswerKind kind = null;
        for (Transfer.AnswerKind k : Transfer.AnswerKind.values()) {
            if (in != null
                    && k.name()
                            .equalsIgnoreCase(in.kind() == null ? "" : in.kind().strip())) {
                kind = k;
            }
        }
        if (kind == null) {
            problems.add(new FieldProblem("kind", "transfer.answer.kind"));
        }
        String reference = in == null ? null : in.reference();
        String note = in == null ? null : in.note();
        CleanText.check(problems, "reference", reference, false, 100);
        CleanText.check(problems, "note", note, kind == Transfer.AnswerKind.RETURNED, 2000);
        LocalDate today = LocalDate.now(clock);
        LocalDate on = null;
        String day = in == null ? null : in.answeredOn();
        if (day == null || day.isBlank()) {
            problems.add(new FieldProblem("answeredOn", "validation.required"));
        } else {
            try {
                on = LocalDate.parse(day.strip());
                LocalDate sent = t.getTransferredAt().atZone(clock.getZone()).toLocalDate();
                if (on.isAfter(today) || on.isBefore(sent)) {
                    problems.add(new FieldProblem("answeredOn", "transfer.answer.day", DAY.format(sent)));
                }
            } catch (java.time.format.DateTimeParseException e) {
                problems.add(new FieldProblem("answeredOn", "validation.date"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String ref = blankToNull(reference);
        String text = blankToNull(note);
        t.answer(kind, ref, text, on, user.username(), clock.instant());
        records.saveAndFlush(t);
        List<Timeline.Detail> details = new ArrayList<>();
        details.add(Timeline.Detail.of("timeline.label.answeredOn", DAY.format(on)));
        if (ref != null) {
            details.add(Timeline.Detail.of("timeline.label.reference", ref));
        }
        if (text != null) {
            details.add(Timeline.Detail.of("timeline.label.note", text));
        }
        timeline.add(
                c.getId(),
                user.username(),
                "TRANSFER_ANSWER",
                Text.of("timeline.transferAnswer." + kind, t.getRecipient()),
                details,
                "transfer",
                String.valueOf(t.getId()));
        Map<String, Object> audited = new LinkedHashMap<>();
        audited.put("kind", kind.name());
        audited.put("answeredOn", on.toString());
        audited.put("reference", ref == null ? "" : ref);
        audit.record("TRANSFER_ANSWERED", c.getId(), c.getCode(), "transfer", String.valueOf(t.getId()), audited);
        if (kind == Transfer.AnswerKind.RETURNED) {
            Set<String> to = leads(c, t);
            to.remove(user.username());
            notifier.notify(
                    to,
                    Notification.Kind.TRANSFER_RETURNED,
                    c.getId(),
                    c.getCode(),
                    Text.of("notice.transferReturned", c.getCode(), t.getRecipient()),
                    "/cases/" + c.getCode() + "#transfer");
        }
        return view(t, c, clocks.of(c), notices.of(code, user));
    }

    /** The register: transfers of the cases the user sees, in a state (all when {@code null}), a page at a time. */
    @Transactional(readOnly = true)
    public Listing list(Transfer.State state, int page, CurrentUser user) {
        LocalDate today = LocalDate.now(clock);
        List<Transfer> candidates = switch (state == null ? "ALL" : state.name()) {
            case "AWAITING", "OVERDUE" -> records.findTop2000ByAnswerKindIsNullOrderByAnswerDueAsc();
            case "ANSWERED" -> records.findTop2000ByAnswerKindIsNotNullOrderByAnsweredAtDesc();
            default -> records.findTop2000ByOrderByTransferredAtDesc();
        };
        List<Transfer> matching = candidates.stream()
                .filter(t -> state == null || t.state(today) == state)
                .toList();
        Map<Long, Case> visible = caseFiles.visibleAmong(
                matching.stream().map(Transfer::getCaseId).toList(), user);
        List<Transfer> seen = matching.stream()
                .filter(t -> visible.containsKey(t.getCaseId()))
                .toList();
        int pages = Math.max(1, (seen.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int p = Math.min(Math.max(page, 0), pages - 1);
        List<Transfer> shown = seen.subList(p * PAGE_SIZE, Math.min(seen.size(), (p + 1) * PAGE_SIZE));
        // the page's clocks in one go, not a query per row
        Map<Long, List<CaseClocks.StepClock>> pageClocks =
                clocks.ofAll(shown.stream().map(t -> visible.get(t.getCaseId())).toList());
        List<TransferView> rows = shown.stream()
                .map(t -> view(
                        t, visible.get(t.getCaseId()), pageClocks.getOrDefault(t.getCaseId(), List.of()), List.of()))
                .toList();
        return new Listing(rows, p, pages, seen.size());
    }

    /** Once a day: every transfer still unanswered after its due day is reminded once (once across nodes too). */
    @Scheduled(cron = "${tandem.transfers.remind-cron:0 30 7 * * *}", zone = "Asia/Ho_Chi_Minh")
    @Transactional
    public int remindLate() {
        LocalDate today = LocalDate.now(clock);
        int reminded = 0;
        for (Transfer t : records.lateWithoutReminder(today)) {
            if (records.markReminded(t.getId(), today) == 0) {
                continue;
            }
            Case c = caseFiles.byId(t.getCaseId()).orElse(null);
            if (c == null) {
                continue;
            }
            reminded++;
            notifier.notify(
                    leads(c, t),
                    Notification.Kind.TRANSFER_OVERDUE,
                    c.getId(),
                    c.getCode(),
                    Text.of("notice.transferOverdue", c.getCode(), t.getRecipient(), DAY.format(t.getAnswerDue())),
                    "/cases/" + c.getCode() + "#transfer");
        }
        return reminded;
    }

    private Set<String> leads(Case c, Transfer t) {
        Set<String> to = new LinkedHashSet<>();
        if (directory.exists(t.getTransferredBy())) {
            to.add(t.getTransferredBy());
        }
        to.addAll(directory.usernamesCovering(c.getLeadAgency(), Role.SUPERVISOR, c.getAreaPath()));
        return to;
    }

    private TransferView view(Transfer t, Case c, List<CaseClocks.StepClock> caseClocks, List<Notices.Issued> issued) {
        Forward forward = caseClocks.stream()
                .filter(s -> s.step() == LegalStep.FORWARD)
                .findFirst()
                .map(s -> new Forward(
                        s.deadline().due(),
                        s.deadline().statutoryDue(),
                        s.deadline().rule().getLegalBasis(),
                        !s.standing().statutoryBreached()))
                .orElse(null);
        Answer answer = t.getAnswerKind() == null
                ? null
                : new Answer(
                        t.getAnswerKind().name(),
                        t.getAnswerReference(),
                        t.getAnswerNote(),
                        t.getAnsweredOn(),
                        t.getAnsweredBy());
        List<Notices.Issued> documents = issued.stream()
                .filter(n -> NoticeType.TRANSFER.name().equals(n.type())
                        || NoticeType.TRANSFER_SLIP.name().equals(n.type()))
                .sorted(Comparator.comparing(Notices.Issued::id))
                .toList();
        return new TransferView(
                c.getCode(),
                c.getTitle(),
                c.getType().name(),
                c.getLeadAgency(),
                t.getRecipient(),
                t.getReason(),
                t.getTransferredBy(),
                t.getTransferredAt(),
                forward,
                t.getAnswerDue(),
                t.state(LocalDate.now(clock)),
                answer,
                documents);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
