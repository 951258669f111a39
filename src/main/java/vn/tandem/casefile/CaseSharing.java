package vn.tandem.casefile;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;
import vn.tandem.common.ConflictException;
import vn.tandem.common.ForbiddenException;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;
import vn.tandem.common.Text;
import vn.tandem.identity.CandidateGroup;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.process.Workflow;

/**
 * Which agencies take part in a case besides the lead: shared by hand with a reason, or by a task given to another
 * agency's group (full part; read-only for an information request); ended once the agency has no open task. Every
 * change is audited, on the timeline and published.
 */
@Service
@Transactional
public class CaseSharing {

    /** Bounds of the reason given for sharing a case. */
    public static final int REASON_MIN = 5;

    public static final int REASON_MAX = 1000;

    private final CaseFiles caseFiles;
    private final Directory directory;
    private final Timeline timeline;
    private final AuditLog audit;
    private final Clock clock;
    private final Workflow workflow;

    CaseSharing(
            CaseFiles caseFiles,
            Directory directory,
            Timeline timeline,
            AuditLog audit,
            Clock clock,
            Workflow workflow) {
        this.workflow = workflow;
        this.caseFiles = caseFiles;
        this.directory = directory;
        this.timeline = timeline;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Shares the case with another agency (reason required): the lead agency's officers and supervisors, or an
     * admin. A read-only share (from an information request) becomes full.
     */
    public Share share(String code, String agency, String reason, CurrentUser user) {
        Case c = caseFiles.visible(code, user);
        if (!CaseVisibility.mayShare(user, c)) {
            throw new ForbiddenException("share.forbidden");
        }
        String target = agency == null ? "" : agency.strip().toUpperCase(Locale.ROOT);
        if (directory.agency(target).isEmpty() || target.equals(c.getLeadAgency())) {
            throw new InvalidInputException("agency", "validation.toAgency");
        }
        if (reason == null || reason.strip().length() < REASON_MIN) {
            throw new InvalidInputException("reason", "validation.minLength", REASON_MIN);
        }
        if (reason.length() > REASON_MAX) {
            throw new InvalidInputException("reason", "validation.maxLength", REASON_MAX);
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
                Text.of("timeline.shared", agencyName(target)),
                List.of(Timeline.Detail.of("timeline.label.reason", reason.strip())),
                "agency",
                target);
        caseFiles.publishChanged(c);
        return c.share(target).orElseThrow();
    }

    /**
     * A task given to the groups of agencies other than the lead shares the case with them, through that step:
     * in full, or read-only when the task only answers an information request. Returns whether anything changed.
     */
    public boolean shareThroughTask(Case c, Collection<String> candidateGroups, String taskName, boolean readOnly) {
        boolean changed = false;
        for (String group : candidateGroups) {
            String agency =
                    CandidateGroup.parse(group).map(CandidateGroup::agency).orElse(null);
            if (agency == null || directory.agency(agency).isEmpty()) {
                continue;
            }
            ShareMode mode = readOnly ? ShareMode.READ_ONLY : ShareMode.FULL;
            Map<String, Object> before = c.snapshot();
            if (c.share(agency, mode, taskName, null, clock.instant())) {
                audit.recordChange("CASE_SHARED", c.getId(), c.getCode(), "case", c.getCode(), before, c.snapshot());
                timeline.add(
                        c.getId(),
                        null,
                        "SHARED",
                        Text.of("timeline.shared", agencyName(agency)),
                        List.of(
                                Timeline.Detail.of("timeline.label.throughStep", taskName),
                                Timeline.Detail.of("timeline.label.access", Text.of("share.mode." + mode))),
                        "agency",
                        agency);
                changed = true;
            }
        }
        if (changed) {
            caseFiles.publishChanged(c);
        }
        return changed;
    }

    /**
     * A security-and-order incident is made known to every agency other than the one that received it: each sees
     * the case read-only from the start (the joint assessment later gives them their part). Returns the agencies
     * informed.
     */
    public List<String> informOtherAgencies(Case c) {
        List<String> informed = new ArrayList<>();
        for (var agency : directory.agencies()) {
            String code = agency.getCode();
            Map<String, Object> before = c.snapshot();
            if (!code.equals(c.getLeadAgency()) && c.share(code, ShareMode.READ_ONLY, null, null, clock.instant())) {
                audit.recordChange("CASE_SHARED", c.getId(), c.getCode(), "case", c.getCode(), before, c.snapshot());
                timeline.add(
                        c.getId(),
                        null,
                        "SHARED",
                        Text.of("timeline.shared", agencyName(code)),
                        List.of(
                                Timeline.Detail.of("timeline.label.reason", Text.of("incident.informed")),
                                Timeline.Detail.of(
                                        "timeline.label.access", Text.of("share.mode." + ShareMode.READ_ONLY))),
                        "agency",
                        code);
                informed.add(code);
            }
        }
        if (!informed.isEmpty()) {
            caseFiles.publishChanged(c);
        }
        return informed;
    }

    /**
     * Ends a share: the lead agency's supervisors or an admin, and only once the agency has no open task on the
     * case (e.g. after it answered and the requester acknowledged).
     */
    public void unshare(String code, String agency, CurrentUser user) {
        Case c = caseFiles.visible(code, user);
        if (!CaseVisibility.mayUnshare(user, c)) {
            throw new ForbiddenException("share.unshare.forbidden");
        }
        String target = agency == null ? "" : agency.strip().toUpperCase(Locale.ROOT);
        if (c.share(target).isEmpty()) {
            throw new NotFoundException("share.notFound", target);
        }
        boolean busy = workflow.openTasks(c.getId().toString()).stream()
                .flatMap(t -> t.candidateGroups().stream())
                .map(CandidateGroup::parse)
                .flatMap(Optional::stream)
                .anyMatch(g -> g.agency().equals(target));
        if (busy) {
            throw new ConflictException("share.openTasks", target);
        }
        Map<String, Object> before = c.snapshot();
        c.unshare(target, clock.instant());
        audit.recordChange("CASE_UNSHARED", c.getId(), c.getCode(), "case", c.getCode(), before, c.snapshot());
        timeline.add(
                c.getId(),
                user.username(),
                "UNSHARED",
                Text.of("timeline.unshared", agencyName(target)),
                List.of(),
                "agency",
                target);
        caseFiles.publishChanged(c);
    }

    /** An agency's name in both languages, for the timeline. */
    Text agencyName(String code) {
        return directory
                .agency(code)
                .map(a -> Text.bilingual(a.getNameVi(), a.getNameEn()))
                .orElse(Text.plain(code));
    }
}
