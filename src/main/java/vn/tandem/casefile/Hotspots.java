package vn.tandem.casefile;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;
import vn.tandem.common.ConflictException;
import vn.tandem.common.ForbiddenException;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.Text;
import vn.tandem.identity.CurrentUser;
import vn.tandem.process.CaseHandling;
import vn.tandem.process.Workflow;

/**
 * Hot spots (điểm nóng), every rule in one place, whoever triggers it: an officer or supervisor raises the risk
 * by hand; a case received with a crowd of {@value #CROWD} or more people, or a complaint that skipped levels; a
 * citizen coming back for the {@value #REPEATED_VISITS}rd time about the same matter; a statutory limit passing.
 * Raising flags the case and starts the hot-spot sub-process (every taking-part agency's supervisors get an urgent task); a
 * supervisor of an agency taking part clears the flag with a note.
 */
@Service
@Transactional
public class Hotspots {

    /** A crowd of this many people or more is a hot-spot risk (DESIGN §2: a crowd case). */
    public static final int CROWD = 5;

    /** The visit (merged duplicates included) from which a repeated complaint is a hot-spot risk. */
    public static final int REPEATED_VISITS = 3;

    /** Bounds of the reason for raising a hot spot and of the note that clears it. */
    public static final int REASON_MIN = 10;

    public static final int REASON_MAX = 2000;

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final Cases cases;
    private final CaseFiles caseFiles;
    private final Workflow workflow;
    private final Timeline timeline;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;

    Hotspots(
            Cases cases,
            CaseFiles caseFiles,
            Workflow workflow,
            Timeline timeline,
            AuditLog audit,
            MessageSource messages,
            Clock clock) {
        this.cases = cases;
        this.caseFiles = caseFiles;
        this.workflow = workflow;
        this.timeline = timeline;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * An officer or supervisor of an agency taking full part raises a hot-spot risk. A closed case, or one already
     * flagged, answers 409.
     */
    public void raise(String code, String reason, CurrentUser user) {
        Case c = caseFiles.contributable(code, user);
        if (reason == null || reason.strip().length() < REASON_MIN) {
            throw new InvalidInputException("reason", "validation.minLength", REASON_MIN);
        }
        if (reason.length() > REASON_MAX) {
            throw new InvalidInputException("reason", "validation.maxLength", REASON_MAX);
        }
        if (c.isHotspot()) {
            throw new ConflictException("hotspot.already");
        }
        if (!flag(c, Text.plain(reason.strip()), user.username())) {
            throw new ConflictException("hotspot.caseEnded");
        }
    }

    /** A new case: a crowd, or a complaint that skipped levels (the crowd first, it says more). */
    public void onReceived(Case c) {
        if (c.getCrowdSize() >= CROWD) {
            byRule(c, Text.of("hotspot.reason.crowd", c.getCrowdSize()));
        } else if (c.isLevelSkipping()) {
            byRule(c, Text.of("hotspot.reason.levelSkipping"));
        }
    }

    /** A duplicate was merged into the case: the citizen's {@code visit}-th time about the same matter. */
    public void onRepeatedVisit(Case c, long visit) {
        if (visit >= REPEATED_VISITS) {
            byRule(c, Text.of("hotspot.reason.repeatedVisits", visit));
        }
    }

    /** The statutory limit of a step passed while the step is open. */
    public void onStatutoryBreach(long caseId, String stepName) {
        cases.findById(caseId).ifPresent(c -> byRule(c, Text.of("hotspot.reason.statutory", stepName)));
    }

    /** A supervisor of an agency taking part clears the flag with a note. */
    public void clear(String code, String note, CurrentUser user) {
        Case c = caseFiles.visible(code, user);
        if (!CaseVisibility.mayClearHotspot(user, c)) {
            throw new ForbiddenException("hotspot.clear.forbidden");
        }
        if (note == null || note.strip().length() < REASON_MIN) {
            throw new InvalidInputException("note", "validation.minLength", REASON_MIN);
        }
        if (note.length() > REASON_MAX) {
            throw new InvalidInputException("note", "validation.maxLength", REASON_MAX);
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
                Text.of("timeline.hotspotCleared"),
                List.of(Timeline.Detail.of("timeline.label.note", note.strip())),
                "case",
                c.getCode());
        caseFiles.publishChanged(c);
    }

    /** A rule raises the risk; nothing happens if the case is flagged already or has ended. */
    private void byRule(Case c, Text reason) {
        if (!c.isHotspot() && c.isOpen()) {
            flag(c, reason, null);
        }
    }

    private boolean flag(Case c, Text reason, String by) {
        // the supervisors' task shows the reason as the process variable holds it: in Vietnamese, the record's language
        String recorded = reason.render(messages, VIETNAMESE);
        if (!workflow.correlate(
                c.getId(), CaseHandling.MESSAGE_HOTSPOT, Map.of(CaseHandling.VAR_HOTSPOT_REASON, recorded))) {
            return false;
        }
        c.flagHotspot(true, clock.instant());
        audit.recordChange(
                "HOTSPOT_RAISED",
                c.getId(),
                c.getCode(),
                "case",
                c.getCode(),
                Map.of("hotspot", false),
                Map.of("hotspot", true, "reason", recorded));
        timeline.add(
                c.getId(),
                by,
                "HOTSPOT",
                Text.of("timeline.hotspot"),
                List.of(Timeline.Detail.of("timeline.label.risk", reason)),
                "case",
                c.getCode());
        caseFiles.publishChanged(c);
        return true;
    }
}
