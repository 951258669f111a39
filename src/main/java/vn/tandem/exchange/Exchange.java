package vn.tandem.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
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
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseDocuments;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.casefile.CaseVisibility;
import vn.tandem.casefile.Timeline;
import vn.tandem.common.ForbiddenException;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;
import vn.tandem.common.Text;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Role;
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
            Notifier notifier) {
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
        Map<String, Object> variables = new HashMap<>();
        variables.put(InformationRequestProcess.VAR_REQUEST_ID, request.getId());
        variables.put(InformationRequestProcess.VAR_QUESTION, request.getQuestion());
        variables.put(InformationRequestProcess.VAR_DUE_DATE, Date.from(due));
        variables.put(InformationRequestProcess.VAR_REQUESTED_BY, user.username());
        variables.put(InformationRequestProcess.VAR_ANSWERING_GROUP, Role.OFFICER.groupOf(to));
        variables.put(InformationRequestProcess.VAR_REQUESTING_GROUP, Role.OFFICER.groupOf(user.agency()));
        boolean urgent = InformationRequestForm.URGENT.equals(urgencyValue);
        variables.put(
                InformationRequestProcess.VAR_PRIORITY,
                urgent ? InformationRequestProcess.PRIORITY_URGENT : InformationRequestProcess.PRIORITY_NORMAL);
        request.started(workflow.start(InformationRequestProcess.PROCESS_KEY, c.getId(), variables));
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
        Case c = caseFiles.byId(request.getCaseId()).orElseThrow();
        if (!CaseVisibility.canSee(user, c)) {
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
