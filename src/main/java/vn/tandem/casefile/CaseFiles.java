package vn.tandem.casefile;

import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;
import vn.tandem.common.Folding;
import vn.tandem.common.ForbiddenException;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;
import vn.tandem.common.Reasons;
import vn.tandem.common.Text;
import vn.tandem.identity.Agency;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Role;
import vn.tandem.identity.Unit;

/**
 * Cases themselves: creating one, finding the ones a user may see (an invisible case answers exactly like a missing
 * one: 404), searching, revealing a protected identity. Sharing lives in {@link CaseSharing}, hot spots in
 * {@link Hotspots}, comments and attachments in {@link CaseDocuments}.
 */
@Service
@Transactional
public class CaseFiles {

    private final Cases cases;
    private final CaseCodes codes;
    private final SolutionPlans plans;
    private final CaseLinks links;
    private final Verifications verifications;
    private final FirstResponses firstResponses;
    private final Timeline timeline;
    private final Directory directory;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final jakarta.persistence.EntityManager entities;
    private final PersonRegistry registry;

    CaseFiles(
            Cases cases,
            CaseCodes codes,
            SolutionPlans plans,
            CaseLinks links,
            Verifications verifications,
            FirstResponses firstResponses,
            Timeline timeline,
            Directory directory,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock,
            PersonRegistry registry,
            jakarta.persistence.EntityManager entities) {
        this.entities = entities;
        this.registry = registry;
        this.cases = cases;
        this.codes = codes;
        this.plans = plans;
        this.links = links;
        this.verifications = verifications;
        this.firstResponses = firstResponses;
        this.timeline = timeline;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records a new case led by the user's agency, in the unit (of that agency) where it happened. A denouncer
     * is always confidential.
     */
    /**
     * The agency that leads a new case: the receiving officer's, except that an incident is led by the agency that
     * responds first to incidents (reference data), the others being informed.
     */
    private String leadAgency(CaseType type, CurrentUser user) {
        if (type != CaseType.INCIDENT) {
            return user.agency();
        }
        return directory.incidentFirstResponder().map(Agency::getCode).orElse(user.agency());
    }

    public Case create(NewCase input, CurrentUser user) {
        if (!user.has(Role.OFFICER) && !user.has(Role.SUPERVISOR)) {
            throw new ForbiddenException("case.create.forbidden");
        }
        Unit unit = directory
                .unit(input.unitId())
                .orElseThrow(() -> new InvalidInputException("unitId", "validation.unit"));
        if (!unit.getAgencyCode().equals(user.agency())
                || !user.coversArea(unit.getArea().getPath())) {
            throw new InvalidInputException("unitId", "validation.unit");
        }
        Case c = cases.save(new Case(
                codes.next(),
                input.type(),
                input.channel(),
                input.title().strip(),
                input.description().strip(),
                blankToNull(input.location()),
                unit.getArea().getId(),
                unit.getArea().getPath(),
                unit.getId(),
                leadAgency(input.type(), user),
                input.crowdSize(),
                input.levelSkipping(),
                clock.instant(),
                user.username()));
        List<Petitioner> petitioners = new ArrayList<>();
        int position = 0;
        for (NewCase.NewPetitioner p : input.petitioners()) {
            boolean confidential = p.confidential() || (input.type() == CaseType.DENUNCIATION && position == 0);
            petitioners.add(new Petitioner(
                    position++,
                    p.fullName().strip(),
                    blankToNull(p.idNumber()),
                    blankToNull(p.phone()),
                    blankToNull(p.address()),
                    confidential));
        }
        c.addPetitioners(petitioners);
        registry.link(c);
        boolean complaint = input.type() == CaseType.COMPLAINT;
        c.variant(
                unit.getArea().isRemote(),
                complaint ? Math.max(1, input.instance()) : 1,
                input.type() == CaseType.DENUNCIATION && input.severalSites(),
                complaint ? input.decisionKnownOn() : null);
        if (input.type() == CaseType.INCIDENT && input.incident() != null) {
            NewCase.NewIncident i = input.incident();
            c.recordIncident(new IncidentFacts(
                    i.occurredAt(),
                    i.detectedBy(),
                    i.peopleInvolved(),
                    blankToNull(i.harm()),
                    blankToNull(i.forcesOnScene())));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("type", c.getType());
        facts.put("channel", c.getChannel());
        facts.put("title", c.getTitle());
        facts.put("unit", unit.getCode());
        facts.put("crowdSize", c.getCrowdSize());
        facts.put("levelSkipping", c.isLevelSkipping());
        facts.put("instance", c.getInstance());
        facts.put("remoteArea", c.isRemoteArea());
        facts.put("severalSites", c.isSeveralSites());
        facts.put("decisionKnownOn", String.valueOf(c.getDecisionKnownOn()));
        facts.put("petitioners", petitioners.size());
        if (c.getIncident() != null) {
            facts.put("occurredAt", String.valueOf(c.getIncident().getOccurredAt()));
            facts.put("detectedBy", String.valueOf(c.getIncident().getDetectedBy()));
            facts.put("peopleInvolved", c.getIncident().getPeopleInvolved());
        }
        audit.recordChange("CASE_CREATED", c.getId(), c.getCode(), "case", c.getCode(), Map.of(), facts);
        timeline.add(
                c.getId(),
                user.username(),
                "RECEIVED",
                Text.of("timeline.received"),
                List.of(
                        Timeline.Detail.of("timeline.label.channel", Text.of("channel." + c.getChannel())),
                        Timeline.Detail.of("timeline.label.unit", unit.getName())),
                "case",
                c.getCode());
        publishChanged(c); // the legal clocks that start at receipt pin their rule versions
        return c;
    }

    @Transactional(readOnly = true)
    public Case visible(String code, CurrentUser user) {
        return cases.findByCode(code)
                .filter(c -> CaseVisibility.canSee(user, c))
                .orElseThrow(() -> new NotFoundException("case.notFound", code));
    }

    /**
     * The cases the user sees brought by the people with these ID numbers or phones (normalised, see
     * {@link vn.tandem.common.PersonNumbers}); confidential petitioners are never matched. Newest first.
     */
    @Transactional(readOnly = true)
    public List<Case> ofPeople(Collection<String> idNumbers, Collection<String> phones, CurrentUser user) {
        if (idNumbers.isEmpty() && phones.isEmpty()) {
            return List.of();
        }
        List<String> phoneForms = phones.stream()
                .flatMap(p -> vn.tandem.common.PersonNumbers.phoneForms(p).stream())
                .toList();
        return cases
                .findByPetitionerNumbers(
                        idNumbers.isEmpty() ? List.of("-") : idNumbers,
                        phoneForms.isEmpty() ? List.of("-") : phoneForms)
                .stream()
                .filter(c -> CaseVisibility.canSee(user, c))
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<Case> byId(long id) {
        return cases.findById(id);
    }

    /** The codes of some cases by id (e.g. the business keys of running instances), in one query. */
    @Transactional(readOnly = true)
    public Map<Long, String> codes(Collection<Long> ids) {
        Map<Long, String> codes = new HashMap<>();
        cases.findAllById(ids).forEach(c -> codes.put(c.getId(), c.getCode()));
        return codes;
    }

    /** The codes of the cases among {@code ids} that the user may open, in one query (others are not named). */
    @Transactional(readOnly = true)
    public Map<Long, String> visibleCodes(Collection<Long> ids, CurrentUser user) {
        Map<Long, String> codes = new HashMap<>();
        if (ids.isEmpty()) {
            return codes;
        }
        cases.findAllById(ids).stream()
                .filter(c -> CaseVisibility.canSee(user, c))
                .forEach(c -> codes.put(c.getId(), c.getCode()));
        return codes;
    }

    /** The cases among {@code ids} that the user may open, by id, in one query. */
    @Transactional(readOnly = true)
    public Map<Long, Case> visibleAmong(Collection<Long> ids, CurrentUser user) {
        Map<Long, Case> found = new HashMap<>();
        if (!ids.isEmpty()) {
            cases.findAllById(ids).stream()
                    .filter(c -> CaseVisibility.canSee(user, c))
                    .forEach(c -> found.put(c.getId(), c));
        }
        return found;
    }

    @Transactional(readOnly = true)
    public Optional<Case> byCode(String code) {
        return cases.findByCode(code);
    }

    @Transactional(readOnly = true)
    public CaseSummary summary(long id) {
        return cases.findById(id).map(CaseSummary::of).orElseThrow(() -> new NotFoundException("case.notFound", id));
    }

    @Transactional(readOnly = true)
    public Page<Case> search(CaseFilter filter, Pageable pageable, CurrentUser user) {
        Specification<Case> spec = (root, query, cb) -> {
            List<Predicate> and = visibility(user, root, query, cb);
            if (and == null) {
                return cb.disjunction();
            }
            if (filter.status() != null) {
                and.add(cb.equal(root.get("status"), filter.status()));
            }
            if (filter.type() != null) {
                and.add(cb.equal(root.get("type"), filter.type()));
            }
            if (filter.text() != null && !filter.text().isBlank()) {
                and.add(cb.like(root.get("searchText"), Folding.containsPattern(filter.text()), '\\'));
            }
            return cb.and(and.toArray(Predicate[]::new));
        };
        return cases.findAll(spec, pageable);
    }

    /**
     * Builds a query over cases ({@link #select}): selection, grouping, order and further roots are the caller's;
     * {@code where} already holds who may see what and takes the caller's conditions.
     */
    @FunctionalInterface
    public interface CaseQuery<T> {
        void build(
                jakarta.persistence.criteria.Root<Case> root,
                jakarta.persistence.criteria.CriteriaQuery<T> query,
                jakarta.persistence.criteria.CriteriaBuilder cb,
                List<Predicate> where);
    }

    /**
     * A query of the caller's over the cases the user may see (none for a user who sees no case), at most
     * {@code limit} results (0: all): how other modules read projections and counts of cases in one query rather
     * than loading the cases.
     */
    @Transactional(readOnly = true)
    public <T> List<T> select(CurrentUser user, Class<T> type, int limit, CaseQuery<T> build) {
        return run(java.util.Objects.requireNonNull(user, "user"), type, limit, build);
    }

    /** A query of the caller's over every case, whoever may see it: the system's own counts (metrics). */
    @Transactional(readOnly = true)
    public <T> List<T> selectAll(Class<T> type, int limit, CaseQuery<T> build) {
        return run(null, type, limit, build);
    }

    /** The query built by the caller, over the cases the user may see ({@code null}: every case). */
    private <T> List<T> run(CurrentUser user, Class<T> type, int limit, CaseQuery<T> build) {
        var cb = entities.getCriteriaBuilder();
        var query = cb.createQuery(type);
        var root = query.from(Case.class);
        List<Predicate> where = user == null ? new ArrayList<>() : visibility(user, root, query, cb);
        if (where == null) {
            return List.of();
        }
        build.build(root, query, cb, where);
        query.where(where.toArray(Predicate[]::new));
        var typed = entities.createQuery(query);
        if (limit > 0) {
            typed.setMaxResults(limit);
        }
        return typed.getResultList();
    }

    /**
     * The predicates a case query starts from for the user (none for an admin, who sees every case; the agency and
     * area test for officers and supervisors), or null when the user sees no case at all (designers).
     */
    private static List<Predicate> visibility(
            CurrentUser user,
            jakarta.persistence.criteria.Root<Case> root,
            jakarta.persistence.criteria.CriteriaQuery<?> query,
            jakarta.persistence.criteria.CriteriaBuilder cb) {
        if (!user.isAdmin() && !user.has(Role.OFFICER) && !user.has(Role.SUPERVISOR)) {
            return null;
        }
        List<Predicate> and = new ArrayList<>();
        if (!user.isAdmin()) {
            and.addAll(visibleTo(user, root, query, cb));
        }
        return and;
    }

    /**
     * The criteria form of {@link CaseVisibility#canSee} for an officer or supervisor (not an admin): their agency
     * leads the case or takes part in it, and the case lies in their area subtree.
     */
    static List<Predicate> visibleTo(
            CurrentUser user,
            jakarta.persistence.criteria.Root<Case> root,
            jakarta.persistence.criteria.CriteriaQuery<?> query,
            jakarta.persistence.criteria.CriteriaBuilder cb) {
        var shared = query.subquery(Integer.class);
        var share = shared.correlate(root).join("shares");
        shared.select(cb.literal(1)).where(cb.equal(share.get("agencyCode"), user.agency()));
        return List.of(
                cb.or(cb.equal(root.get("leadAgency"), user.agency()), cb.exists(shared)),
                cb.like(root.get("areaPath"), user.areaPath() + "%"));
    }

    /** The kind of link between two cases brought about the same matter. */
    public static final String SAME_MATTER = "SAME_MATTER";

    /**
     * Links two cases about the same matter (nothing if they are linked already), with a timeline entry on each;
     * the duplicate check at intake calls it, and so does an officer who may work on both.
     */
    public void linkSameMatter(Case a, Case b, String actor) {
        boolean exists = links.findByCaseIdOrRelatedCaseId(a.getId(), a.getId()).stream()
                .anyMatch(l ->
                        l.getCaseId().equals(b.getId()) || l.getRelatedCaseId().equals(b.getId()));
        if (exists || a.getId().equals(b.getId())) {
            return;
        }
        links.save(new CaseLink(a.getId(), b.getId(), SAME_MATTER, clock.instant()));
        timeline.add(
                a.getId(),
                actor,
                "LINKED",
                Text.of("timeline.sameMatter", b.getCode()),
                List.of(),
                "case",
                b.getCode());
        timeline.add(
                b.getId(),
                actor,
                "LINKED",
                Text.of("timeline.sameMatter", a.getCode()),
                List.of(),
                "case",
                a.getCode());
        audit.record(
                "CASES_LINKED",
                a.getId(),
                a.getCode(),
                "case",
                b.getCode(),
                Map.of("kind", SAME_MATTER, "with", b.getCode()));
    }

    /** The kind of link from a case split off a letter to the letter's case. */
    public static final String SPLIT_FROM = "SPLIT_FROM";

    /** A matter split off a letter: linked to the letter's case, with a timeline entry on each, audited. */
    public void linkSplit(Case letter, Case matter, String actor) {
        links.save(new CaseLink(matter.getId(), letter.getId(), SPLIT_FROM, clock.instant()));
        timeline.add(
                letter.getId(),
                actor,
                "SPLIT",
                Text.of("timeline.split", matter.getCode()),
                List.of(),
                "case",
                matter.getCode());
        timeline.add(
                matter.getId(),
                actor,
                "SPLIT",
                Text.of("timeline.splitFrom", letter.getCode()),
                List.of(),
                "case",
                letter.getCode());
        audit.record(
                "CASE_SPLIT",
                letter.getId(),
                letter.getCode(),
                "case",
                matter.getCode(),
                Map.of("matter", matter.getCode()));
    }

    /** An officer links a case to another they may work on too (404 for a case they cannot see). */
    public void linkSameMatter(String code, String otherCode, CurrentUser user) {
        Case a = contributable(code, user);
        Case b = contributable(otherCode, user);
        if (a.getId().equals(b.getId())) {
            throw new InvalidInputException("related", "case.link.self");
        }
        linkSameMatter(a, b, user.username());
    }

    /** The case was filed above the unit already handling the same matter (set by the duplicate check at intake). */
    public void markLevelSkipping(Case c) {
        if (!c.isLevelSkipping()) {
            c.flagLevelSkipping(clock.instant());
            audit.recordChange(
                    "LEVEL_SKIPPING",
                    c.getId(),
                    c.getCode(),
                    "case",
                    c.getCode(),
                    Map.of("levelSkipping", false),
                    Map.of("levelSkipping", true));
        }
    }

    /** A visible case on which the user's agency takes full part (404 if invisible, 403 if read-only). */
    @Transactional(readOnly = true)
    public Case contributable(String code, CurrentUser user) {
        Case c = visible(code, user);
        if (!CaseVisibility.mayContribute(user, c)) {
            throw new ForbiddenException("case.readOnly");
        }
        return c;
    }

    /** The latest verification of each agency that verified the case, lead agency first. */
    @Transactional(readOnly = true)
    public List<Verification> verifications(long caseId) {
        Case c = cases.findById(caseId).orElse(null);
        Map<String, Verification> latest = new LinkedHashMap<>();
        for (Verification v : verifications.findByCaseIdOrderByVerifiedAtDescIdDesc(caseId)) {
            latest.putIfAbsent(v.getAgencyCode(), v);
        }
        return latest.values().stream()
                .sorted(Comparator.comparing((Verification v) ->
                                c != null && v.getAgencyCode().equals(c.getLeadAgency()) ? 0 : 1)
                        .thenComparing(Verification::getAgencyCode))
                .toList();
    }

    /** An incident's first response on scene, once recorded. */
    @Transactional(readOnly = true)
    public Optional<FirstResponse> firstResponse(long caseId) {
        return firstResponses.findByCaseId(caseId);
    }

    @Transactional(readOnly = true)
    public List<SolutionPlan> plans(long caseId) {
        return plans.findByCaseIdOrderByVersionDesc(caseId);
    }

    /** Related cases (e.g. merged duplicates) visible to the user, by code. */
    @Transactional(readOnly = true)
    public List<String> relatedCodes(long caseId, CurrentUser user) {
        return links.findByCaseIdOrRelatedCaseId(caseId, caseId).stream()
                .map(l -> l.getCaseId() == caseId ? l.getRelatedCaseId() : l.getCaseId())
                .distinct()
                .map(cases::findById)
                .flatMap(Optional::stream)
                .filter(c -> CaseVisibility.canSee(user, c))
                .map(Case::getCode)
                .toList();
    }

    /**
     * Reveals a confidential petitioner for the current view only: the case's assigned officer or a supervisor of
     * the lead agency, with a reason; every reveal is written to the audit trail.
     */
    public PetitionerView reveal(String code, long petitionerId, String reason, CurrentUser user) {
        Case c = visible(code, user);
        Petitioner p = c.getPetitioners().stream()
                .filter(x -> x.getId() == petitionerId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("petitioner.notFound"));
        if (!CaseVisibility.leads(user, c)) {
            throw new ForbiddenException("reveal.forbidden");
        }
        Reasons.check("reason", reason);
        audit.record(
                "IDENTITY_REVEALED",
                c.getId(),
                c.getCode(),
                "petitioner",
                Long.toString(p.getId()),
                Map.of("reason", reason.strip(), "confidential", p.isConfidential()));
        return PetitionerView.revealed(p);
    }

    /**
     * Sets a case's complexity; the caller (the legal clock's complexity decisions) checked who may, and records the
     * decision, the audit entry and the timeline. Published so read models and clocks follow.
     */
    public void changeComplexity(Case c, Complexity level) {
        c.complexity(level, clock.instant());
        publishChanged(c);
    }

    void publishChanged(Case c) {
        events.publishEvent(new CaseChanged(CaseSummary.of(c)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
