package vn.tandem.casefile;

import jakarta.persistence.criteria.Predicate;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;
import vn.tandem.common.ConflictException;
import vn.tandem.common.ForbiddenException;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Role;
import vn.tandem.identity.Unit;
import vn.tandem.process.CaseHandling;
import vn.tandem.process.Workflow;

/**
 * The casefile module's API: creating cases, finding the ones a user may see, comments and attachments. Every
 * read checks visibility: an invisible case answers exactly like a missing one (404).
 */
@Service
@Transactional
public class CaseFiles {

    static final Set<String> ALLOWED_TYPES = Set.of(
            "application/pdf",
            "image/jpeg",
            "image/png",
            "text/plain",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/msword",
            "application/vnd.ms-excel");

    private final Cases cases;
    private final CaseCodes codes;
    private final CaseComments comments;
    private final Attachments attachments;
    private final AttachmentStore store;
    private final SolutionPlans plans;
    private final CaseLinks links;
    private final Timeline timeline;
    private final Directory directory;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Workflow workflow;
    private final long maxAttachmentBytes;
    private final MessageSource messages;
    private final Tika tika = new Tika();

    CaseFiles(
            Cases cases,
            CaseCodes codes,
            CaseComments comments,
            Attachments attachments,
            AttachmentStore store,
            SolutionPlans plans,
            CaseLinks links,
            Timeline timeline,
            Directory directory,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock,
            Workflow workflow,
            MessageSource messages,
            @Value("${tandem.storage.max-attachment-bytes}") long maxAttachmentBytes) {
        this.messages = messages;
        this.workflow = workflow;
        this.cases = cases;
        this.codes = codes;
        this.comments = comments;
        this.attachments = attachments;
        this.store = store;
        this.plans = plans;
        this.links = links;
        this.timeline = timeline;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    /**
     * Records a new case led by the user's agency, in the unit (of that agency) where it happened. A denouncer
     * is always confidential.
     */
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
                user.agency(),
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
        boolean complaint = input.type() == CaseType.COMPLAINT;
        c.variant(
                unit.getArea().isRemote(),
                complaint ? Math.max(1, input.instance()) : 1,
                input.type() == CaseType.DENUNCIATION && input.severalSites(),
                complaint ? input.decisionKnownOn() : null);
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
        audit.recordChange("CASE_CREATED", c.getId(), c.getCode(), "case", c.getCode(), Map.of(), facts);
        timeline.add(
                c.getId(),
                user.username(),
                "RECEIVED",
                "Tiếp nhận vụ việc",
                List.of(
                        new Timeline.Detail(
                                "Kênh tiếp nhận",
                                "Channel",
                                messages.getMessage("channel." + c.getChannel(), null, Locale.forLanguageTag("vi")),
                                messages.getMessage("channel." + c.getChannel(), null, Locale.ENGLISH)),
                        new Timeline.Detail("Đơn vị", "Unit", unit.getName())),
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

    @Transactional(readOnly = true)
    public Optional<Case> byId(long id) {
        return cases.findById(id);
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
            List<Predicate> and = new ArrayList<>();
            if (!user.isAdmin() && !user.has(Role.OFFICER) && !user.has(Role.SUPERVISOR)) {
                return cb.disjunction();
            }
            if (!user.isAdmin()) {
                var shared = query.subquery(Integer.class);
                var share = shared.correlate(root).join("shares");
                shared.select(cb.literal(1)).where(cb.equal(share.get("agencyCode"), user.agency()));
                and.add(cb.or(cb.equal(root.get("leadAgency"), user.agency()), cb.exists(shared)));
                and.add(cb.like(root.get("areaPath"), user.areaPath() + "%"));
            }
            if (filter.status() != null) {
                and.add(cb.equal(root.get("status"), filter.status()));
            }
            if (filter.type() != null) {
                and.add(cb.equal(root.get("type"), filter.type()));
            }
            if (filter.text() != null && !filter.text().isBlank()) {
                String like = "%" + filter.text().strip().toLowerCase(Locale.ROOT) + "%";
                and.add(cb.or(cb.like(cb.lower(root.get("code")), like), cb.like(cb.lower(root.get("title")), like)));
            }
            return cb.and(and.toArray(Predicate[]::new));
        };
        return cases.findAll(spec, pageable);
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

    public CaseComment comment(String code, String body, CurrentUser user) {
        Case c = contributable(code, user);
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "validation.required");
        }
        if (body.length() > 5000) {
            throw new InvalidInputException("body", "validation.maxLength", 5000);
        }
        CaseComment comment = comments.save(new CaseComment(c.getId(), user.username(), clock.instant(), body.strip()));
        audit.record(
                "COMMENT_ADDED",
                c.getId(),
                c.getCode(),
                "comment",
                comment.getId().toString(),
                Map.of("length", body.length()));
        timeline.add(
                c.getId(),
                user.username(),
                "COMMENT",
                "Ý kiến trao đổi",
                List.of(new Timeline.Detail("", "", comment.getBody())),
                "comment",
                comment.getId().toString());
        return comment;
    }

    /** Stores an attachment after checking its size and its real content type (sniffed, not declared). */
    public Attachment attach(String code, String fileName, InputStream content, CurrentUser user) throws IOException {
        Case c = contributable(code, user);
        String name = fileName == null || fileName.isBlank() ? "file" : fileName.replaceAll("[\\\\/\\r\\n\"]", "_");
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxAttachmentBytes + 1));
        if (bytes.length == 0) {
            throw new InvalidInputException("file", "validation.file.empty");
        }
        if (bytes.length > maxAttachmentBytes) {
            throw new InvalidInputException("file", "validation.file.tooLarge", maxAttachmentBytes / (1024 * 1024));
        }
        String type = tika.detect(bytes, name);
        if (!ALLOWED_TYPES.contains(type)) {
            throw new InvalidInputException("file", "validation.file.type", type);
        }
        String key = store.store(bytes);
        Attachment a = attachments.save(new Attachment(
                c.getId(), name, type, bytes.length, sha256(bytes), key, user.username(), clock.instant()));
        audit.record(
                "ATTACHMENT_ADDED",
                c.getId(),
                c.getCode(),
                "attachment",
                a.getId().toString(),
                Map.of("fileName", name, "contentType", type, "size", bytes.length));
        timeline.add(
                c.getId(),
                user.username(),
                "ATTACHMENT",
                "Tài liệu đính kèm",
                List.of(new Timeline.Detail("Tệp", "File", name)),
                "attachment",
                a.getId().toString());
        return a;
    }

    /** An attachment and a way to read its bytes. */
    public record AttachmentContent(Attachment attachment, InputStream stream) {}

    @Transactional(readOnly = true)
    public AttachmentContent download(String code, long attachmentId, CurrentUser user) throws IOException {
        Case c = visible(code, user);
        Attachment a = attachments
                .findByIdAndCaseId(attachmentId, c.getId())
                .orElseThrow(() -> new NotFoundException("attachment.notFound"));
        return new AttachmentContent(a, store.open(a.getStorageKey()));
    }

    @Transactional(readOnly = true)
    public List<CaseComment> comments(long caseId) {
        return comments.findByCaseIdOrderByAtDesc(caseId);
    }

    @Transactional(readOnly = true)
    public List<Attachment> attachments(long caseId) {
        return attachments.findByCaseIdOrderByUploadedAtDesc(caseId);
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
     * Shares the case with another agency (reason required): the lead agency's officers and supervisors, or an
     * admin. A read-only share (from an information request) becomes full.
     */
    public Share share(String code, String agency, String reason, CurrentUser user) {
        Case c = visible(code, user);
        if (!user.isAdmin() && !user.agency().equals(c.getLeadAgency())) {
            throw new ForbiddenException("share.forbidden");
        }
        String target = agency == null ? "" : agency.strip().toUpperCase(Locale.ROOT);
        if (directory.agency(target).isEmpty() || target.equals(c.getLeadAgency())) {
            throw new InvalidInputException("agency", "validation.toAgency");
        }
        if (reason == null || reason.strip().length() < 5) {
            throw new InvalidInputException("reason", "validation.minLength", 5);
        }
        if (reason.length() > 1000) {
            throw new InvalidInputException("reason", "validation.maxLength", 1000);
        }
        Map<String, Object> before = c.snapshot();
        if (!c.share(target, ShareMode.FULL, reason.strip(), user.username(), clock.instant())) {
            throw new ConflictException("share.exists", target);
        }
        audit.recordChange("CASE_SHARED", c.getId(), c.getCode(), "case", c.getCode(), before, c.snapshot());
        timeline.add(
                c.getId(),
                user.username(),
                "SHARED",
                "Chia sẻ vụ việc với " + agencyName(target),
                List.of(new Timeline.Detail("Lý do", "Reason", reason.strip())),
                "agency",
                target);
        publishChanged(c);
        return c.share(target).orElseThrow();
    }

    /**
     * Ends a share: the lead agency's supervisors or an admin, and only once the agency has no open task on the
     * case (e.g. after it answered and the requester acknowledged).
     */
    public void unshare(String code, String agency, Collection<String> openTaskGroups, CurrentUser user) {
        Case c = visible(code, user);
        if (!user.isAdmin() && !(user.isSupervisor() && user.agency().equals(c.getLeadAgency()))) {
            throw new ForbiddenException("share.unshare.forbidden");
        }
        String target = agency == null ? "" : agency.strip().toUpperCase(Locale.ROOT);
        if (c.share(target).isEmpty()) {
            throw new NotFoundException("share.notFound", target);
        }
        String prefix = target.toLowerCase(Locale.ROOT) + "-";
        if (openTaskGroups.stream().anyMatch(g -> g.startsWith(prefix))) {
            throw new ConflictException("share.openTasks", target);
        }
        Map<String, Object> before = c.snapshot();
        c.unshare(target, clock.instant());
        audit.recordChange("CASE_UNSHARED", c.getId(), c.getCode(), "case", c.getCode(), before, c.snapshot());
        timeline.add(
                c.getId(),
                user.username(),
                "UNSHARED",
                "Ngừng chia sẻ vụ việc với " + agencyName(target),
                List.of(),
                "agency",
                target);
        publishChanged(c);
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
        if (reason == null || reason.strip().length() < 10) {
            throw new InvalidInputException("reason", "validation.minLength", 10);
        }
        if (reason.length() > 1000) {
            throw new InvalidInputException("reason", "validation.maxLength", 1000);
        }
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
     * An officer or supervisor of an agency taking full part raises a hot-spot risk: the case is flagged and both
     * agencies' supervisors get an urgent task. A closed case, or one already flagged, answers 409.
     */
    public void raiseHotspot(String code, String reason, CurrentUser user) {
        Case c = contributable(code, user);
        if (reason == null || reason.strip().length() < 10) {
            throw new InvalidInputException("reason", "validation.minLength", 10);
        }
        if (reason.length() > 2000) {
            throw new InvalidInputException("reason", "validation.maxLength", 2000);
        }
        if (c.isHotspot()) {
            throw new ConflictException("hotspot.already");
        }
        if (!raise(c, reason.strip(), user.username())) {
            throw new ConflictException("hotspot.caseEnded");
        }
    }

    /** A rule raises the risk (crowd, level-skipping, repeated visits); nothing happens if already flagged. */
    public void raiseHotspotByRule(long caseId, String reason) {
        Case c = cases.findById(caseId).orElseThrow();
        if (!c.isHotspot() && c.isOpen()) {
            raise(c, reason, null);
        }
    }

    private boolean raise(Case c, String reason, String by) {
        if (!workflow.correlate(
                c.getId(), CaseHandling.MESSAGE_HOTSPOT, Map.of(CaseHandling.VAR_HOTSPOT_REASON, reason))) {
            return false;
        }
        Map<String, Object> before = Map.of("hotspot", false);
        c.flagHotspot(true, clock.instant());
        audit.recordChange(
                "HOTSPOT_RAISED",
                c.getId(),
                c.getCode(),
                "case",
                c.getCode(),
                before,
                Map.of("hotspot", true, "reason", reason));
        timeline.add(
                c.getId(),
                by,
                "HOTSPOT",
                "Cảnh báo nguy cơ điểm nóng",
                List.of(new Timeline.Detail("Nguy cơ", "Risk", reason)),
                "case",
                c.getCode());
        publishChanged(c);
        return true;
    }

    /** A supervisor of an agency taking part clears the flag with a note. */
    public void clearHotspot(String code, String note, CurrentUser user) {
        Case c = visible(code, user);
        if (!user.isAdmin() && !(user.isSupervisor() && c.takesFullPart(user.agency()))) {
            throw new ForbiddenException("hotspot.clear.forbidden");
        }
        if (note == null || note.strip().length() < 10) {
            throw new InvalidInputException("note", "validation.minLength", 10);
        }
        if (!c.isHotspot()) {
            throw new ConflictException("hotspot.none");
        }
        c.flagHotspot(false, clock.instant());
        audit.recordChange(
                "HOTSPOT_CLEARED",
                c.getId(),
                c.getCode(),
                "case",
                c.getCode(),
                Map.of("hotspot", true),
                Map.of("hotspot", false, "note", note.strip()));
        timeline.add(
                c.getId(),
                user.username(),
                "HOTSPOT_CLEARED",
                "Gỡ cảnh báo điểm nóng",
                List.of(new Timeline.Detail("Ghi chú", "Note", note.strip())),
                "case",
                c.getCode());
        publishChanged(c);
    }

    /**
     * Sets a case's complexity; the caller (the legal clock's complexity decisions) checked who may, and records the
     * decision, the audit entry and the timeline. Published so read models and clocks follow.
     */
    public void changeComplexity(Case c, Complexity level) {
        c.complexity(level, clock.instant());
        publishChanged(c);
    }

    private String agencyName(String code) {
        return directory.agency(code).map(a -> a.getNameVi()).orElse(code);
    }

    void publishChanged(Case c) {
        events.publishEvent(new CaseChanged(CaseSummary.of(c)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
