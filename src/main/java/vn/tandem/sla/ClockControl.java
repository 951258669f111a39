package vn.tandem.sla;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.casefile.CaseStatus;
import vn.tandem.casefile.CaseVisibility;
import vn.tandem.casefile.Timeline;
import vn.tandem.common.ConflictException;
import vn.tandem.common.ForbiddenException;
import vn.tandem.common.Reasons;
import vn.tandem.common.Text;
import vn.tandem.identity.CurrentUser;
import vn.tandem.process.SlaLadder;

/**
 * Pausing and resuming a case's legal clock with a reason (the assigned officer or a lead supervisor). Paused
 * time does not count; on resuming, the due dates of the open tasks of the current step move accordingly.
 */
@Service
@Transactional
public class ClockControl {

    private final CaseFiles caseFiles;
    private final ClockPauses pauses;
    private final CaseClocks clocks;
    private final SlaLadder ladder;
    private final Timeline timeline;
    private final AuditLog audit;
    private final Clock clock;

    ClockControl(
            CaseFiles caseFiles,
            ClockPauses pauses,
            CaseClocks clocks,
            SlaLadder ladder,
            Timeline timeline,
            AuditLog audit,
            Clock clock) {
        this.caseFiles = caseFiles;
        this.pauses = pauses;
        this.clocks = clocks;
        this.ladder = ladder;
        this.timeline = timeline;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public boolean isPaused(String code, CurrentUser user) {
        Case c = caseFiles.visible(code, user);
        return pauses.findByCaseIdOrderByPausedAt(c.getId()).stream().anyMatch(ClockPause::isOpen);
    }

    public void pause(String code, String reason, CurrentUser user) {
        Case c = leadCase(code, user);
        Reasons.check("reason", reason);
        if (c.getStatus() != CaseStatus.RECEIVED && c.getStatus() != CaseStatus.IN_PROGRESS) {
            throw new ConflictException("clock.notRunning");
        }
        if (pauses.findByCaseIdOrderByPausedAt(c.getId()).stream().anyMatch(ClockPause::isOpen)) {
            throw new ConflictException("clock.alreadyPaused");
        }
        pauses.save(new ClockPause(c.getId(), reason.strip(), user.username(), clock.instant()));
        ladder.suspend(c.getId());
        audit.record("CLOCK_PAUSED", c.getId(), c.getCode(), "case", c.getCode(), Map.of("reason", reason.strip()));
        timeline.add(
                c.getId(),
                user.username(),
                "CLOCK_PAUSED",
                Text.of("timeline.clockPaused"),
                List.of(Timeline.Detail.of("timeline.label.reason", reason.strip())),
                "case",
                c.getCode());
    }

    public void resume(String code, CurrentUser user) {
        Case c = leadCase(code, user);
        ClockPause open = pauses.findByCaseIdOrderByPausedAt(c.getId()).stream()
                .filter(ClockPause::isOpen)
                .findFirst()
                .orElseThrow(() -> new ConflictException("clock.notPaused"));
        open.resume(user.username(), clock.instant());
        pauses.flush();
        ladder.reschedule(c.getId());
        ladder.activate(c.getId());
        audit.record("CLOCK_RESUMED", c.getId(), c.getCode(), "case", c.getCode(), Map.of());
        timeline.add(
                c.getId(),
                user.username(),
                "CLOCK_RESUMED",
                Text.of("timeline.clockResumed"),
                List.of(),
                "case",
                c.getCode());
    }

    private Case leadCase(String code, CurrentUser user) {
        Case c = caseFiles.visible(code, user);
        if (!CaseVisibility.leads(user, c)) {
            throw new ForbiddenException("clock.forbidden");
        }
        return c;
    }
}
