package vn.tandem.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.casefile.Timeline;
import vn.tandem.common.ForbiddenException;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;
import vn.tandem.common.Reasons;
import vn.tandem.common.Text;
import vn.tandem.identity.CurrentUser;
import vn.tandem.process.EngineOperations;

/**
 * The operator's console (administrators; docs/operations.md): the engine's incidents with the case each belongs to,
 * retrying them, resolving one with a note, and the job executor's state. Every retry and resolution is audited
 * and, for a case, written on its timeline.
 */
@Service
public class Operations {

    /** An incident and the case it belongs to (its code, when the process is a case's). */
    public record Incident(EngineOperations.IncidentView incident, String caseCode) {}

    static final int MAX_LISTED = 500;
    static final int MAX_RETRIED = 500;

    private final EngineOperations engine;
    private final CaseFiles caseFiles;
    private final Timeline timeline;
    private final AuditLog audit;

    Operations(EngineOperations engine, CaseFiles caseFiles, Timeline timeline, AuditLog audit) {
        this.engine = engine;
        this.caseFiles = caseFiles;
        this.timeline = timeline;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Incident> incidents(CurrentUser user) {
        requireAdmin(user);
        return named(engine.incidents(MAX_LISTED));
    }

    @Transactional(readOnly = true)
    public Incident incident(String id, CurrentUser user) {
        requireAdmin(user);
        return named(List.of(engine.incident(id).orElseThrow(() -> new NotFoundException("operations.notFound"))))
                .get(0);
    }

    @Transactional(readOnly = true)
    public EngineOperations.ExecutorState executor(CurrentUser user) {
        requireAdmin(user);
        return engine.executor();
    }

    /** Retries the failed jobs of these incidents (1 to 500 ids); audited per incident, noted on each case. */
    @Transactional
    public EngineOperations.RetryResult retry(Collection<String> ids, CurrentUser user) {
        requireAdmin(user);
        if (ids == null || ids.isEmpty() || ids.size() > MAX_RETRIED) {
            throw new InvalidInputException("ids", "operations.ids", MAX_RETRIED);
        }
        Map<String, Incident> before = new HashMap<>();
        for (String id : ids) {
            engine.incident(id).ifPresent(i -> before.put(id, named(List.of(i)).get(0)));
        }
        EngineOperations.RetryResult result = engine.retry(ids);
        for (String id : result.retried()) {
            Incident i = before.get(id);
            record("INCIDENT_RETRIED", i, null);
            onCase(i, Text.of("timeline.incidentRetried", activity(i)), null);
        }
        return result;
    }

    /** Resolves an incident that needs no retry, with the operator's note (10 to 1000 characters). */
    @Transactional
    public Incident resolve(String id, String note, CurrentUser user) {
        requireAdmin(user);
        Reasons.problem("note", note).ifPresent(p -> {
            throw new InvalidInputException(List.of(p));
        });
        Incident before = named(
                        List.of(engine.incident(id).orElseThrow(() -> new NotFoundException("operations.notFound"))))
                .get(0);
        engine.resolve(id, note.strip());
        record("INCIDENT_RESOLVED", before, note.strip());
        onCase(before, Text.of("timeline.incidentResolved", activity(before)), note.strip());
        return before;
    }

    private void record(String action, Incident i, String note) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", i.incident().type());
        details.put(
                "activity",
                i.incident().activityId() == null ? "" : i.incident().activityId());
        details.put(
                "process", i.incident().processKey() == null ? "" : i.incident().processKey());
        details.put("message", abbreviate(i.incident().message()));
        if (note != null) {
            details.put("note", note);
        }
        Long caseId = caseIdOf(i.incident().businessKey());
        audit.record(
                action,
                i.caseCode() == null ? null : caseId,
                i.caseCode(),
                "incident",
                i.incident().id(),
                details);
    }

    private void onCase(Incident i, Text title, String note) {
        Long caseId = caseIdOf(i.incident().businessKey());
        if (i.caseCode() == null || caseId == null) {
            return;
        }
        timeline.add(
                caseId,
                null,
                "OPERATIONS",
                title,
                note == null ? List.of() : List.of(Timeline.Detail.of("timeline.label.note", note)),
                "incident",
                i.incident().id());
    }

    private List<Incident> named(List<EngineOperations.IncidentView> views) {
        List<Long> ids = views.stream()
                .map(v -> caseIdOf(v.businessKey()))
                .filter(id -> id != null)
                .toList();
        Map<Long, String> codes = ids.isEmpty() ? Map.of() : caseFiles.codes(ids);
        List<Incident> named = new ArrayList<>();
        for (EngineOperations.IncidentView v : views) {
            Long caseId = caseIdOf(v.businessKey());
            named.add(new Incident(v, caseId == null ? null : codes.get(caseId)));
        }
        return named;
    }

    private static String activity(Incident i) {
        return i.incident().activityId() == null ? "" : i.incident().activityId();
    }

    private static Long caseIdOf(String businessKey) {
        return businessKey != null && businessKey.matches("\\d{1,18}") ? Long.valueOf(businessKey) : null;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 500 ? s.substring(0, 500) : s;
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.isAdmin()) {
            throw new ForbiddenException("operations.forbidden");
        }
    }
}
