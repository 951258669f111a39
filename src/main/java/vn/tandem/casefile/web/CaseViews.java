package vn.tandem.casefile.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.FirstResponse;
import vn.tandem.casefile.IncidentFacts;
import vn.tandem.casefile.PetitionerView;
import vn.tandem.casefile.SolutionPlan;
import vn.tandem.casefile.Timeline;
import vn.tandem.process.TaskSnapshot;

/** JSON shapes of the case API. */
final class CaseViews {

    private CaseViews() {}

    record CaseItem(
            String code,
            String type,
            String channel,
            String title,
            String status,
            String outcome,
            String leadAgency,
            List<String> agencies,
            boolean crowd,
            boolean hotspot,
            boolean levelSkipping,
            Instant receivedAt) {

        static CaseItem of(Case c) {
            return new CaseItem(
                    c.getCode(),
                    c.getType().name(),
                    c.getChannel().name(),
                    c.getTitle(),
                    c.getStatus().name(),
                    c.getOutcome() == null ? null : c.getOutcome().name(),
                    c.getLeadAgency(),
                    c.agencies(),
                    c.isCrowd(),
                    c.isHotspot(),
                    c.isLevelSkipping(),
                    c.getReceivedAt());
        }
    }

    record TaskRef(
            String id,
            String key,
            String name,
            String assignee,
            List<String> candidateGroups,
            Instant due,
            Instant created) {

        static TaskRef of(TaskSnapshot t) {
            return new TaskRef(t.id(), t.key(), t.name(), t.assignee(), t.candidateGroups(), t.due(), t.created());
        }
    }

    /** A timeline entry in the reader's language ({@code Accept-Language}, {@code ?lang=}, the language cookie). */
    record Event(Instant at, String actor, String kind, String title, List<Timeline.Line> details) {}

    /** An incident's facts from intake (null for grievances). */
    record Incident(Instant occurredAt, String detectedBy, Integer peopleInvolved, String harm, String forcesOnScene) {

        static Incident of(IncidentFacts f) {
            return f == null
                    ? null
                    : new Incident(
                            f.getOccurredAt(),
                            f.getDetectedBy() == null ? null : f.getDetectedBy().name(),
                            f.getPeopleInvolved(),
                            f.getHarm(),
                            f.getForcesOnScene());
        }
    }

    /** An incident's first response on scene (null until recorded, and for grievances). */
    record FirstResponseView(
            String agency,
            String situation,
            String forces,
            String measures,
            boolean settled,
            String respondedBy,
            Instant respondedAt) {

        static FirstResponseView of(FirstResponse r) {
            return r == null
                    ? null
                    : new FirstResponseView(
                            r.getAgencyCode(),
                            r.getSituation(),
                            r.getForces(),
                            r.getMeasures(),
                            r.isSettled(),
                            r.getRespondedBy(),
                            r.getRespondedAt());
        }
    }

    /**
     * The latest version of the case's plan with the supervisor's decision (null before one is drawn up); an
     * incident's response plan names its measures by kind.
     */
    record PlanView(
            int version,
            String plan,
            String measures,
            String dialogue,
            String persuasion,
            String forcesPresence,
            String legalMeasures,
            String author,
            Instant createdAt,
            String decision,
            String decisionComment) {

        static PlanView of(List<SolutionPlan> plans) {
            if (plans.isEmpty()) {
                return null;
            }
            SolutionPlan p = plans.get(0);
            SolutionPlan.ResponseMeasures m = p.getResponseMeasures();
            return new PlanView(
                    p.getVersion(),
                    p.getPlanText(),
                    p.getMeasures(),
                    m.dialogue(),
                    m.persuasion(),
                    m.forcesPresence(),
                    m.legalMeasures(),
                    p.getAuthor(),
                    p.getCreatedAt(),
                    p.getDecision(),
                    p.getDecisionComment());
        }
    }

    record CaseDetail(
            String code,
            String type,
            String channel,
            String title,
            String description,
            String location,
            Long unitId,
            Long areaId,
            String status,
            String outcome,
            String outcomeNote,
            String leadAgency,
            List<String> agencies,
            String assignedOfficer,
            int crowdSize,
            boolean crowd,
            boolean hotspot,
            boolean levelSkipping,
            int instance,
            boolean remoteArea,
            boolean complex,
            String complexity,
            boolean severalSites,
            LocalDate decisionKnownOn,
            Incident incident,
            FirstResponseView firstResponse,
            PlanView plan,
            int reopenCount,
            Instant receivedAt,
            Instant closedAt,
            List<PetitionerView> petitioners,
            List<TaskRef> currentTasks,
            List<Event> timeline) {

        static CaseDetail of(
                Case c,
                FirstResponse firstResponse,
                List<SolutionPlan> plans,
                List<TaskSnapshot> tasks,
                List<Timeline.Rendered> entries) {
            return new CaseDetail(
                    c.getCode(),
                    c.getType().name(),
                    c.getChannel().name(),
                    c.getTitle(),
                    c.getDescription(),
                    c.getLocation(),
                    c.getUnitId(),
                    c.getAreaId(),
                    c.getStatus().name(),
                    c.getOutcome() == null ? null : c.getOutcome().name(),
                    c.getOutcomeNote(),
                    c.getLeadAgency(),
                    c.agencies(),
                    c.getAssignedOfficer(),
                    c.getCrowdSize(),
                    c.isCrowd(),
                    c.isHotspot(),
                    c.isLevelSkipping(),
                    c.getInstance(),
                    c.isRemoteArea(),
                    c.isComplex(),
                    c.getComplexity().name(),
                    c.isSeveralSites(),
                    c.getDecisionKnownOn(),
                    Incident.of(c.getIncident()),
                    FirstResponseView.of(firstResponse),
                    PlanView.of(plans),
                    c.getReopenCount(),
                    c.getReceivedAt(),
                    c.getClosedAt(),
                    c.getPetitioners().stream().map(PetitionerView::of).toList(),
                    tasks.stream().map(TaskRef::of).toList(),
                    entries.stream()
                            .map(e -> new Event(e.at(), e.actor(), e.kind(), e.title(), e.details()))
                            .toList());
        }
    }
}
