package vn.tandem.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;
import vn.tandem.casefile.AttachmentStore;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseDocuments;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.casefile.CaseVisibility;
import vn.tandem.casefile.Timeline;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.ForbiddenException;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;
import vn.tandem.common.ReportScope;
import vn.tandem.common.Text;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Role;
import vn.tandem.identity.Unit;
import vn.tandem.notification.Notification;
import vn.tandem.notification.Notifier;
import vn.tandem.process.InformationRequestProcess;
import vn.tandem.process.TaskClosed;
import vn.tandem.process.Workflow;
import vn.tandem.sla.LegalRules;
import vn.tandem.sla.LegalStep;

/**
 * Information requests: asking starts {@code information-request.bpmn} (the partner's officers get a task with a
 * due date); answers, follow-ups and acknowledgements come back as task completions and land on the timeline.
 */
@Service
@Transactional
public class Exchange {

    private final InformationRequests requests;
    private final CaseFiles caseFiles;
    private final CaseDocuments documents;
    private final Timeline timeline;
    private final Workflow workflow;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;
    private static final int NOTICE_QUESTION = 120;

    private final LegalRules rules;
    private final Notifier notifier;
    private final AttachmentStore store;

    Exchange(
            InformationRequests requests,
            CaseFiles caseFiles,
            CaseDocuments documents,
            Timeline timeline,
            Workflow workflow,
            Directory directory,
            AuditLog audit,
            Clock clock,
            LegalRules rules,
            Notifier notifier,
            AttachmentStore store) {
        this.store = store;
        this.rules = rules;
        this.notifier = notifier;
        this.requests = requests;
        this.caseFiles = caseFiles;
        this.documents = documents;
        this.timeline = timeline;
        this.workflow = workflow;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Information exchanged in a period, for a period report: requests made (sent or received by the scope's agency,
     * about a case or a unit in its area; for a user of one agency, those their agency sent or received), how many
     * were answered, and how many by their due time.
     */
    public record Tally(long requests, long answered, long answeredOnTime) {}

    @Transactional(readOnly = true)
    public Tally tally(ReportScope scope, CurrentUser user) {
        List<InformationRequest> made = requests
                .requestedBetween(scope.start(clock.getZone()), scope.end(clock.getZone()), scope.areaPattern())
                .stream()
                .filter(r -> scope.agency() == null
                        || scope.agency().equals(r.getFromAgency())
                        || scope.agency().equals(r.getToAgency()))
                .filter(r -> user.isAdmin()
                        || user.agency().equals(r.getFromAgency())
                        || user.agency().equals(r.getToAgency()))
                .toList();
        return new Tally(
                made.size(),
                made.stream().filter(r -> r.getAnsweredAt() != null).count(),
                made.stream()
                        .filter(r -> r.getAnsweredAt() != null
                                && (r.getDueAt() == null || !r.getAnsweredAt().isAfter(r.getDueAt())))
                        .count());
    }

    /** Sends {@code form} (already validated by the caller) to the partner agency and starts the request's process. */
    public InformationRequest ask(String caseCode, InformationRequestForm form, CurrentUser user) {
        Case c = caseFiles.contributable(caseCode, user);
        if (!user.has(Role.OFFICER) && !user.has(Role.SUPERVISOR)) {
            throw new ForbiddenException("exchange.forbidden");
        }
        String to = form.toAgency() == null ? null : form.toAgency().strip().toUpperCase(Locale.ROOT);
        if (to == null || directory.agency(to).isEmpty() || to.equals(user.agency())) {
            throw new InvalidInputException("toAgency", "validation.toAgency");
        }
        String question = form.question().strip();
        String urgencyValue = form.urgencyOrDefault();
        LocalDate dueDate = form.dueDate();
        LocalDate today = LocalDate.now(clock);
        // without a date, the information-request rule in force today (DESIGN §5: 5 working days, editable)
        Optional<LegalRules.Deadline> byRule = dueDate != null
                ? Optional.empty()
                : rules.standardDeadline(c.getType().name(), LegalStep.INFORMATION_REQUEST, today);
        if (dueDate == null && byRule.map(LegalRules.Deadline::due).isEmpty()) {
            throw new InvalidInputException("dueDate", "exchange.dueRequired");
        }
        LocalDate dueDay = dueDate != null ? dueDate : byRule.get().due();
        Instant due =
                dueDay.atTime(LocalTime.of(23, 59, 59)).atZone(clock.getZone()).toInstant();
        InformationRequest request = requests.save(new InformationRequest(
                c.getId(), user.agency(), to, question, urgencyValue, due, user.username(), clock.instant()));
        boolean urgent = start(request, user);
        audit.record(
                "INFORMATION_REQUESTED",
                c.getId(),
                c.getCode(),
                "informationRequest",
                request.getId().toString(),
                byRule.map(d -> Map.<String, Object>of(
                                "toAgency",
                                to,
                                "urgency",
                                urgencyValue,
                                "dueDate",
                                dueDay.toString(),
                                "rule",
                                d.rule().getCode() + "#" + d.rule().getVersion()))
                        .orElse(Map.of("toAgency", to, "urgency", urgencyValue, "dueDate", dueDay.toString())));
        if (urgent) {
            // the asked agency's officers covering the case's area hear of it at once, not at their next inbox visit
            notifier.notify(
                    directory.usernamesCovering(to, Role.OFFICER, c.getAreaPath()),
                    Notification.Kind.URGENT_REQUEST,
                    c.getId(),
                    c.getCode(),
                    Text.of("notice.urgentRequest", c.getCode(), agencyName(user.agency()), abbreviate(question)),
                    "/cases/" + c.getCode() + "#exchange");
        }
        timeline.add(
                c.getId(),
                user.username(),
                "INFO_REQUEST",
                Text.of("timeline.infoRequest"),
                List.of(
                        Timeline.Detail.of("timeline.label.to", agencyName(to)),
                        Timeline.Detail.of("timeline.label.question", request.getQuestion())),
                "informationRequest",
                request.getId().toString());
        return request;
    }

    @Transactional(readOnly = true)
    public InformationRequest get(long id, CurrentUser user) {
        InformationRequest request =
                requests.findById(id).orElseThrow(() -> new NotFoundException("informationRequest.notFound"));
        boolean visible = request.isWithoutCase()
                ? sees(user, request)
                : CaseVisibility.canSee(
                        user, caseFiles.byId(request.getCaseId()).orElseThrow());
        if (!visible) {
            throw new NotFoundException("informationRequest.notFound");
        }
        return request;
    }

    /** The information requests of a case the user may see (the case page's exchange panel). */
    @Transactional(readOnly = true)
    public List<InformationRequest> ofCase(String caseCode, CurrentUser user) {
        return requests.findByCaseIdOrderByRequestedAtDesc(
                caseFiles.visible(caseCode, user).getId());
    }

    /** Attaches a document to a request (stored with the case's attachments, named on the timeline). */
    public void attach(InformationRequest request, String fileName, InputStream content, CurrentUser user)
            throws IOException {
        String code = caseFiles.byId(request.getCaseId()).orElseThrow().getCode();
        documents.attach(code, fileName, content, user);
    }

    @EventListener
    void on(TaskClosed event) {
        if (!event.completed()
                || !InformationRequestProcess.PROCESS_KEY.equals(event.task().processKey())) {
            return;
        }
        Object id = event.task().context().get(InformationRequestProcess.VAR_REQUEST_ID);
        if (id == null) {
            return;
        }
        InformationRequest request =
                requests.findById(((Number) id).longValue()).orElseThrow();
        String by = event.completedBy();
        if (request.isWithoutCase()) {
            onTaskWithoutCase(event, request, by);
            return;
        }
        if (InformationRequestProcess.TASK_ANSWER.equals(event.task().key())) {
            request.answered(event.text(InformationRequestProcess.VAR_ANSWER), by, clock.instant());
            timeline.add(
                    request.getCaseId(),
                    by,
                    "INFO_ANSWER",
                    Text.of("timeline.infoAnswer"),
                    List.of(
                            Timeline.Detail.of("timeline.label.from", agencyName(request.getToAgency())),
                            Timeline.Detail.of("timeline.label.answer", request.getAnswer())),
                    "informationRequest",
                    request.getId().toString());
        } else if (InformationRequestProcess.TASK_ACKNOWLEDGE.equals(
                event.task().key())) {
            if (InformationRequestProcess.DECISION_FOLLOW_UP.equals(
                    event.text(InformationRequestProcess.VAR_DECISION))) {
                String followUp = event.text(InformationRequestProcess.VAR_FOLLOW_UP);
                request.followUp(followUp);
                timeline.add(
                        request.getCaseId(),
                        by,
                        "INFO_FOLLOW_UP",
                        Text.of("timeline.infoFollowUp"),
                        List.of(Timeline.Detail.of("timeline.label.question", followUp)),
                        "informationRequest",
                        request.getId().toString());
            } else {
                request.acknowledged(by, clock.instant());
                timeline.add(
                        request.getCaseId(),
                        by,
                        "INFO_ACK",
                        Text.of("timeline.infoAck"),
                        List.of(),
                        "informationRequest",
                        request.getId().toString());
            }
        }
    }

    /**
     * Starts a saved request's process (the asked agency's officers get the answering task, due on the request's
     * day; an urgent one with a higher priority). Returns whether it is urgent.
     */
    private boolean start(InformationRequest request, CurrentUser user) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(InformationRequestProcess.VAR_REQUEST_ID, request.getId());
        variables.put(InformationRequestProcess.VAR_QUESTION, request.getQuestion());
        variables.put(InformationRequestProcess.VAR_DUE_DATE, Date.from(request.getDueAt()));
        variables.put(InformationRequestProcess.VAR_REQUESTED_BY, user.username());
        variables.put(InformationRequestProcess.VAR_ANSWERING_GROUP, Role.OFFICER.groupOf(request.getToAgency()));
        variables.put(InformationRequestProcess.VAR_REQUESTING_GROUP, Role.OFFICER.groupOf(request.getFromAgency()));
        boolean urgent = InformationRequestForm.URGENT.equals(request.getUrgency());
        variables.put(
                InformationRequestProcess.VAR_PRIORITY,
                urgent ? InformationRequestProcess.PRIORITY_URGENT : InformationRequestProcess.PRIORITY_NORMAL);
        request.started(workflow.start(InformationRequestProcess.PROCESS_KEY, request.businessKey(), variables));
        return urgent;
    }

    /** A request without a case keeps its own thread (there is no case timeline); each step is audited. */
    private void onTaskWithoutCase(TaskClosed event, InformationRequest request, String by) {
        String action;
        if (InformationRequestProcess.TASK_ANSWER.equals(event.task().key())) {
            request.answered(event.text(InformationRequestProcess.VAR_ANSWER), by, clock.instant());
            action = "INFORMATION_ANSWERED";
        } else if (InformationRequestProcess.DECISION_FOLLOW_UP.equals(
                event.text(InformationRequestProcess.VAR_DECISION))) {
            request.followUp(event.text(InformationRequestProcess.VAR_FOLLOW_UP));
            action = "INFORMATION_FOLLOW_UP";
        } else {
            request.acknowledged(by, clock.instant());
            action = "INFORMATION_ACKNOWLEDGED";
        }
        audit.record(
                action,
                null,
                null,
                "informationRequest",
                request.getId().toString(),
                Map.of(
                        "reference",
                        request.reference(),
                        "status",
                        request.getStatus().name()));
    }

    /**
     * Who sees a request without a case: officers and supervisors of the two agencies it is between whose unit covers
     * the area it is about; administrators.
     */
    static boolean sees(CurrentUser user, InformationRequest request) {
        if (user.isAdmin()) {
            return true;
        }
        return (user.has(Role.OFFICER) || user.has(Role.SUPERVISOR))
                && (user.agency().equals(request.getFromAgency())
                        || user.agency().equals(request.getToAgency()))
                && user.coversArea(request.getAreaPath());
    }

    /**
     * Asks the other agency about a unit's area and a topic, without a case: the same process, deadline rule,
     * urgency, answer, document, acknowledgement and audit as a request on a case; the asked agency's officers
     * covering the area get the task.
     */
    public InformationRequest askAboutUnit(UnitRequestForm form, CurrentUser user) {
        if (!user.has(Role.OFFICER) && !user.has(Role.SUPERVISOR)) {
            throw new ForbiddenException("exchange.forbidden");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String to = form.toAgency() == null ? null : form.toAgency().strip().toUpperCase(Locale.ROOT);
        if (to == null || directory.agency(to).isEmpty() || to.equals(user.agency())) {
            problems.add(new FieldProblem("toAgency", "validation.toAgency"));
        }
        Unit unit = form.unitId() == null ? null : directory.unit(form.unitId()).orElse(null);
        if (unit == null || !user.coversArea(unit.getArea().getPath())) {
            problems.add(new FieldProblem("unitId", form.unitId() == null ? "validation.required" : "validation.unit"));
        }
        String topic = form.topic() == null ? "" : form.topic().strip();
        if (topic.isEmpty()) {
            problems.add(new FieldProblem("topic", "validation.required"));
        } else if (topic.length() > UnitRequestForm.TOPIC_MAX) {
            problems.add(new FieldProblem("topic", "validation.maxLength", UnitRequestForm.TOPIC_MAX));
        }
        String question = form.question() == null ? "" : form.question().strip();
        if (question.length() < InformationRequestForm.QUESTION_MIN) {
            problems.add(new FieldProblem("question", "validation.minLength", InformationRequestForm.QUESTION_MIN));
        } else if (question.length() > InformationRequestForm.QUESTION_MAX) {
            problems.add(new FieldProblem("question", "validation.maxLength", InformationRequestForm.QUESTION_MAX));
        }
        String urgencyValue =
                form.urgency() == null || form.urgency().isBlank() ? InformationRequestForm.NORMAL : form.urgency();
        if (!InformationRequestForm.NORMAL.equals(urgencyValue)
                && !InformationRequestForm.URGENT.equals(urgencyValue)) {
            problems.add(new FieldProblem("urgency", "validation.option"));
        }
        LocalDate today = LocalDate.now(clock);
        if (form.dueDate() != null && form.dueDate().isBefore(today)) {
            problems.add(new FieldProblem("dueDate", "validation.future"));
        }
        Optional<LegalRules.Deadline> byRule = form.dueDate() != null
                ? Optional.empty()
                : rules.standardDeadline(null, LegalStep.INFORMATION_REQUEST, today);
        if (form.dueDate() == null && byRule.map(LegalRules.Deadline::due).isEmpty()) {
            problems.add(new FieldProblem("dueDate", "exchange.dueRequired"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        LocalDate dueDay =
                form.dueDate() != null ? form.dueDate() : byRule.get().due();
        Instant due =
                dueDay.atTime(LocalTime.of(23, 59, 59)).atZone(clock.getZone()).toInstant();
        InformationRequest request = requests.save(InformationRequest.aboutUnit(
                unit.getId(),
                unit.getArea().getPath(),
                topic,
                user.agency(),
                to,
                question,
                urgencyValue,
                due,
                user.username(),
                clock.instant()));
        boolean urgent = start(request, user);
        Map<String, Object> details = new HashMap<>();
        details.put("reference", request.reference());
        details.put("unit", unit.getCode());
        details.put("topic", topic);
        details.put("toAgency", to);
        details.put("urgency", urgencyValue);
        details.put("dueDate", dueDay.toString());
        byRule.ifPresent(
                d -> details.put("rule", d.rule().getCode() + "#" + d.rule().getVersion()));
        audit.record(
                "INFORMATION_REQUESTED",
                null,
                null,
                "informationRequest",
                request.getId().toString(),
                details);
        if (urgent) {
            notifier.notify(
                    directory.usernamesCovering(to, Role.OFFICER, request.getAreaPath()),
                    Notification.Kind.URGENT_REQUEST,
                    null,
                    request.reference(),
                    Text.of(
                            "notice.urgentRequest",
                            request.reference(),
                            agencyName(user.agency()),
                            abbreviate(question)),
                    "/exchanges#request-" + request.getId());
        }
        return request;
    }

    /** The requests without a case the user sees (to or from the user's agency, in the user's area), newest first. */
    @Transactional(readOnly = true)
    public List<InformationRequest> withoutCase(CurrentUser user) {
        if (!user.isAdmin() && !user.has(Role.OFFICER) && !user.has(Role.SUPERVISOR)) {
            throw new ForbiddenException("exchange.forbidden");
        }
        return requests
                .findByCaseIdIsNullAndAreaPathStartingWithOrderByRequestedAtDesc(user.isAdmin() ? "/" : user.areaPath())
                .stream()
                .filter(r -> sees(user, r))
                .toList();
    }

    /** The document answered with a request without a case, for a user who sees the request. */
    @Transactional(readOnly = true)
    public Document document(long id, CurrentUser user) throws IOException {
        InformationRequest request = get(id, user);
        if (!request.isWithoutCase() || request.getDocumentKey() == null) {
            throw new NotFoundException("attachment.notFound");
        }
        return new Document(request, store.open(request.getDocumentKey()));
    }

    /** A request's document and a way to read it. */
    public record Document(InformationRequest request, InputStream stream) {}

    /** The first words of a long question, for a notification. */
    private static String abbreviate(String text) {
        return text.length() <= NOTICE_QUESTION
                ? text
                : text.substring(0, NOTICE_QUESTION - 1).strip() + "…";
    }

    private Text agencyName(String code) {
        return directory
                .agency(code)
                .map(a -> Text.bilingual(a.getNameVi(), a.getNameEn()))
                .orElse(Text.plain(code));
    }
}
