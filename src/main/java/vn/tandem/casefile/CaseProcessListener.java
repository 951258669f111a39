package vn.tandem.casefile;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.tandem.audit.AuditLog;
import vn.tandem.common.Text;
import vn.tandem.identity.CandidateGroup;
import vn.tandem.identity.Directory;
import vn.tandem.process.CaseHandling;
import vn.tandem.process.CaseStatusChanged;
import vn.tandem.process.Deployments;
import vn.tandem.process.FieldValue;
import vn.tandem.process.IncidentHandling;
import vn.tandem.process.InformationRequestProcess;
import vn.tandem.process.LegacyAgencySteps;
import vn.tandem.process.TaskClosed;
import vn.tandem.process.TaskOpened;

/**
 * Keeps the case file in step with its processes, in the engine's transaction: status and outcome changes,
 * sharing the case with the agency a task is given to, the assigned officer, solution plan versions and the
 * timeline entry of every completed step.
 */
@Component
class CaseProcessListener {

    private final Cases cases;
    private final SolutionPlans plans;
    private final CaseLinks links;
    private final Verifications verifications;
    private final FirstResponses firstResponses;
    private final Timeline timeline;
    private final CaseFiles caseFiles;
    private final CaseSharing sharing;
    private final Hotspots hotspots;
    private final AuditLog audit;
    private final Clock clock;

    CaseProcessListener(
            Cases cases,
            SolutionPlans plans,
            CaseLinks links,
            Verifications verifications,
            FirstResponses firstResponses,
            Timeline timeline,
            CaseFiles caseFiles,
            CaseSharing sharing,
            Hotspots hotspots,
            AuditLog audit,
            Clock clock) {
        this.cases = cases;
        this.plans = plans;
        this.links = links;
        this.verifications = verifications;
        this.firstResponses = firstResponses;
        this.timeline = timeline;
        this.caseFiles = caseFiles;
        this.sharing = sharing;
        this.hotspots = hotspots;
        this.audit = audit;
        this.clock = clock;
    }

    /** An administrator deleted a deployment with the process instances of these cases: say so on each case. */
    @EventListener
    void on(Deployments.InstancesRemoved event) {
        String actor = Directory.optionalCurrentUser().map(u -> u.username()).orElse(null);
        for (String id : event.caseIds()) {
            if (!id.matches("\\d{1,18}")) {
                continue;
            }
            cases.findById(Long.valueOf(id))
                    .ifPresent(c -> timeline.add(
                            c.getId(),
                            actor,
                            "PROCESS_DELETED",
                            Text.of("timeline.processDeleted"),
                            List.of(Timeline.Detail.of("timeline.label.reason", event.reason())),
                            "deployment",
                            event.deploymentId()));
        }
    }

    @EventListener
    void on(CaseStatusChanged event) {
        Case c = cases.findById(event.caseId()).orElseThrow();
        Map<String, Object> before = c.snapshot();
        boolean reopened = CaseHandling.EVENT_REOPENED.equals(event.event());
        Outcome outcome = event.outcome() == null ? null : Outcome.valueOf(event.outcome());
        c.moveTo(CaseStatus.valueOf(event.status()), outcome, event.note(), reopened, clock.instant());
        if (outcome == Outcome.MERGED && event.relatedCaseCode() != null) {
            cases.findByCode(event.relatedCaseCode().strip()).ifPresent(target -> {
                links.save(new CaseLink(c.getId(), target.getId(), CaseLink.MERGED_INTO, clock.instant()));
                timeline.add(
                        target.getId(),
                        null,
                        "MERGED",
                        Text.of("timeline.merged"),
                        List.of(Timeline.Detail.of("timeline.label.case", c.getCode())),
                        "case",
                        c.getCode());
                long visits = 1
                        + links.findByCaseIdOrRelatedCaseId(target.getId(), target.getId()).stream()
                                .filter(l -> l.getRelatedCaseId().equals(target.getId())
                                        && CaseLink.MERGED_INTO.equals(l.getKind()))
                                .count();
                hotspots.onRepeatedVisit(target, visits);
            });
        }
        audit.recordChange("CASE_STATUS_CHANGED", c.getId(), c.getCode(), "case", c.getCode(), before, c.snapshot());
        timeline.add(
                c.getId(),
                null,
                reopened ? CaseHandling.EVENT_REOPENED : "STATUS",
                Text.plain(event.activityName()),
                statusDetails(event),
                "activity",
                event.activityId());
        caseFiles.publishChanged(c);
    }

    private List<Timeline.Detail> statusDetails(CaseStatusChanged event) {
        List<Timeline.Detail> details = new ArrayList<>();
        details.add(Timeline.Detail.of("timeline.label.status", Text.of("status." + event.status())));
        if (event.outcome() != null) {
            details.add(Timeline.Detail.of("timeline.label.outcome", Text.of("outcome." + event.outcome())));
        }
        if (event.relatedCaseCode() != null) {
            details.add(Timeline.Detail.of("timeline.label.relatedCase", event.relatedCaseCode()));
        }
        if (event.note() != null) {
            details.add(Timeline.Detail.of("timeline.label.note", event.note()));
        }
        return details;
    }

    /** The complexity chosen at acceptance ({@code complexity}; the older form's yes/no {@code complex}). */
    static Complexity complexityOf(TaskClosed event) {
        String level = event.text(CaseHandling.FIELD_COMPLEXITY);
        if (level != null) {
            for (Complexity c : Complexity.values()) {
                if (c.name().equals(level)) {
                    return c;
                }
            }
        }
        return Boolean.TRUE.equals(
                        event.value(CaseHandling.LEGACY_FIELD_COMPLEX).orElse(false))
                ? Complexity.COMPLEX
                : Complexity.STANDARD;
    }

    /**
     * A task given to another agency's group shares the case with that agency (recorded on the timeline); the
     * proposal step opening means every agency's verification is done.
     */
    @EventListener
    void on(TaskOpened event) {
        Long caseId = caseIdOf(event.task().businessKey());
        if (caseId == null) {
            return;
        }
        Case c = cases.findById(caseId).orElse(null);
        if (c == null) {
            return;
        }
        if (CaseHandling.TASK_PROPOSE.equals(event.task().key())
                || IncidentHandling.TASK_PLAN.equals(event.task().key())) {
            c.verified(clock.instant());
        }
        sharing.shareThroughTask(
                c,
                event.task().candidateGroups(),
                event.task().name(),
                InformationRequestProcess.PROCESS_KEY.equals(event.task().processKey()));
    }

    @EventListener
    void on(TaskClosed event) {
        if (!event.completed()) {
            return;
        }
        Long caseId = caseIdOf(event.task().businessKey());
        if (caseId == null || cases.findById(caseId).isEmpty()) {
            return;
        }
        Case c = cases.findById(caseId).orElseThrow();
        String key = event.task().key();
        String by = event.completedBy();
        if (CaseHandling.TASK_ACCEPT.equals(key)
                && CaseHandling.DECISION_ACCEPT.equals(event.text(CaseHandling.FIELD_DECISION))
                && by != null) {
            Map<String, Object> before = c.snapshot();
            c.accept(
                    by,
                    complexityOf(event),
                    Boolean.TRUE.equals(
                            event.value(CaseHandling.FIELD_SEVERAL_SITES).orElse(false)),
                    clock.instant());
            audit.recordChange("CASE_ASSIGNED", c.getId(), c.getCode(), "case", c.getCode(), before, c.snapshot());
            caseFiles.publishChanged(c);
        }
        if (IncidentHandling.TASK_FIRST_RESPONSE.equals(key) && by != null) {
            recordFirstResponse(c, event, by);
        }
        recordVerification(c, event, by);
        if (IncidentHandling.TASK_PLAN.equals(key)) {
            plans.save(SolutionPlan.response(
                    caseId,
                    nextPlanVersion(caseId),
                    event.text(CaseHandling.FIELD_PLAN),
                    new SolutionPlan.ResponseMeasures(
                            event.text(IncidentHandling.FIELD_DIALOGUE),
                            event.text(IncidentHandling.FIELD_PERSUASION),
                            event.text(IncidentHandling.FIELD_FORCES_PRESENCE),
                            event.text(IncidentHandling.FIELD_LEGAL_MEASURES)),
                    by,
                    clock.instant()));
        }
        if (CaseHandling.TASK_PROPOSE.equals(key)) {
            plans.save(new SolutionPlan(
                    caseId,
                    nextPlanVersion(caseId),
                    event.text(CaseHandling.FIELD_PLAN),
                    event.text(CaseHandling.FIELD_MEASURES),
                    by,
                    clock.instant()));
        }
        if (CaseHandling.TASK_APPROVE.equals(key) || IncidentHandling.TASK_APPROVE_PLAN.equals(key)) {
            plans.findFirstByCaseIdOrderByVersionDesc(caseId)
                    .ifPresent(p -> p.decide(
                            event.text(CaseHandling.FIELD_APPROVAL),
                            by,
                            clock.instant(),
                            event.text(CaseHandling.FIELD_COMMENTS)));
        }
        if (InformationRequestProcess.PROCESS_KEY.equals(event.task().processKey())) {
            return; // the exchange module writes the request's own timeline entries
        }
        List<Timeline.Detail> details = event.values().stream()
                .filter(v -> v.display() != null)
                .map(CaseProcessListener::detail)
                .toList();
        timeline.add(
                caseId,
                by,
                "TASK_COMPLETED",
                event.task().title(),
                details,
                "task",
                event.task().id());
    }

    private int nextPlanVersion(long caseId) {
        return plans.findFirstByCaseIdOrderByVersionDesc(caseId)
                .map(p -> p.getVersion() + 1)
                .orElse(1);
    }

    /**
     * An incident's first response: recorded once, and the responding officer takes the case (the verification and
     * resolution clocks start from it, as from a grievance's acceptance).
     */
    private void recordFirstResponse(Case c, TaskClosed event, String by) {
        if (firstResponses.findByCaseId(c.getId()).isEmpty()) {
            firstResponses.save(new FirstResponse(
                    c.getId(),
                    c.getLeadAgency(),
                    event.text(IncidentHandling.FIELD_SITUATION),
                    event.text(IncidentHandling.FIELD_FORCES),
                    event.text(IncidentHandling.FIELD_IMMEDIATE_MEASURES),
                    IncidentHandling.RESULT_SETTLED.equals(event.text(IncidentHandling.FIELD_FIRST_RESPONSE_RESULT)),
                    by,
                    clock.instant(),
                    event.task().id()));
        }
        Map<String, Object> before = c.snapshot();
        c.accept(by, complexityOf(event), false, clock.instant());
        audit.recordChange("CASE_ASSIGNED", c.getId(), c.getCode(), "case", c.getCode(), before, c.snapshot());
        caseFiles.publishChanged(c);
    }

    /**
     * An agency's verification (or, for an incident, its assessment): the current step (one task per agency) or a
     * step of an old process version.
     */
    private void recordVerification(Case c, TaskClosed event, String by) {
        if (CaseHandling.TASK_VERIFY.equals(event.task().key())
                || IncidentHandling.TASK_ASSESS.equals(event.task().key())) {
            String agency = event.task().candidateGroups().stream()
                    .map(CandidateGroup::parse)
                    .flatMap(Optional::stream)
                    .map(CandidateGroup::agency)
                    .findFirst()
                    .orElse(c.getLeadAgency());
            verifications.save(new Verification(
                    c.getId(),
                    agency,
                    c.getReopenCount(),
                    event.text(CaseHandling.FIELD_FINDINGS),
                    event.text(CaseHandling.FIELD_RISK_LEVEL),
                    event.text(CaseHandling.FIELD_RECOMMENDATION),
                    by,
                    clock.instant(),
                    event.task().id()));
        } else {
            LegacyAgencySteps.verification(event)
                    .ifPresent(v -> verifications.save(new Verification(
                            c.getId(),
                            v.agency(),
                            c.getReopenCount(),
                            v.findings(),
                            v.riskLevel(),
                            v.recommendation(),
                            by,
                            clock.instant(),
                            event.task().id())));
        }
    }

    /** A submitted form value under its label, both as the BPMN model words them (Vietnamese, and {@code en}). */
    private static Timeline.Detail detail(FieldValue value) {
        return new Timeline.Detail(
                Text.bilingual(value.label(), value.labelEn()), Text.bilingual(value.display(), value.displayEn()));
    }

    private static Long caseIdOf(String businessKey) {
        if (businessKey == null || !businessKey.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.valueOf(businessKey);
    }
}
