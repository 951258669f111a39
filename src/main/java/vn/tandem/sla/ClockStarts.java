package vn.tandem.sla;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.tandem.audit.AuditLog;
import vn.tandem.casefile.Case;
import vn.tandem.casefile.CaseChanged;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.casefile.Outcome;
import vn.tandem.casefile.Timeline;
import vn.tandem.common.Text;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Role;
import vn.tandem.notification.Notification;
import vn.tandem.notification.Notifier;
import vn.tandem.process.Threshold;

/**
 * Follows a case's life in the transaction that changes it: every clock that has started (receipt, acceptance,
 * decision, transfer, reopening) pins the rule version in force that day; a transfer made after the forwarding
 * limit is recorded as a statutory breach (timeline, audit, the lead agency's supervisors told).
 */
@Component
class ClockStarts {

    private final CaseFiles caseFiles;
    private final CaseClocks clocks;
    private final SlaAlerts alerts;
    private final Timeline timeline;
    private final AuditLog audit;
    private final Notifier notifier;
    private final Directory directory;

    ClockStarts(
            CaseFiles caseFiles,
            CaseClocks clocks,
            SlaAlerts alerts,
            Timeline timeline,
            AuditLog audit,
            Notifier notifier,
            Directory directory) {
        this.caseFiles = caseFiles;
        this.clocks = clocks;
        this.alerts = alerts;
        this.timeline = timeline;
        this.audit = audit;
        this.notifier = notifier;
        this.directory = directory;
    }

    @EventListener
    void on(CaseChanged event) {
        Case c = caseFiles.byId(event.summary().id()).orElse(null);
        if (c == null) {
            return;
        }
        clocks.pin(c);
        if (c.getOutcome() == Outcome.TRANSFERRED) {
            lateTransfer(c);
        }
    }

    /** The key the late-transfer breach is recorded under (once per case). */
    static String forwardKey(long caseId) {
        return "forward:" + caseId;
    }

    private void lateTransfer(Case c) {
        CaseClocks.StepClock forward = clocks.of(c).stream()
                .filter(s -> s.step() == LegalStep.FORWARD)
                .findFirst()
                .orElse(null);
        if (forward == null
                || !forward.standing().statutoryBreached()
                || alerts.existsByTaskIdAndThreshold(forwardKey(c.getId()), Threshold.STATUTORY)) {
            return;
        }
        LegalRule rule = forward.deadline().rule();
        alerts.save(new SlaAlert(
                c.getId(),
                forwardKey(c.getId()),
                LegalStep.FORWARD.name(),
                null,
                LegalStep.FORWARD,
                Threshold.STATUTORY,
                c.getClosedAt()));
        String limit = forward.deadline().statutoryDue().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        timeline.add(
                c.getId(),
                null,
                "SLA_STATUTORY",
                Text.of("timeline.lateTransfer"),
                List.of(
                        Timeline.Detail.of("timeline.label.limit", limit),
                        Timeline.Detail.of("timeline.label.basis", rule.getLegalBasis())),
                "rule",
                rule.getCode());
        audit.record(
                "SLA_STATUTORY_BREACHED",
                c.getId(),
                c.getCode(),
                "rule",
                rule.getCode() + "#" + rule.getVersion(),
                Map.of("step", LegalStep.FORWARD.name(), "statutoryDue", limit));
        Set<String> to =
                new LinkedHashSet<>(directory.usernamesCovering(c.getLeadAgency(), Role.SUPERVISOR, c.getAreaPath()));
        notifier.notify(
                to,
                Notification.Kind.STATUTORY_BREACH,
                c.getId(),
                c.getCode(),
                Text.of("notice.lateTransfer", c.getCode(), limit, rule.getLegalBasis()),
                "/cases/" + c.getCode());
    }
}
