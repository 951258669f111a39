package vn.tandem.designer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.common.ForbiddenException;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;
import vn.tandem.identity.CurrentUser;
import vn.tandem.process.ProcessDesign;

/** The designers' actions, each audited: drafts, deployments (validated) and migrations. */
@Service
@Transactional
public class Designer {

    static final int MAX_BYTES = 2 * 1024 * 1024;

    private final ProcessDesign design;
    private final BpmnDrafts drafts;
    private final AuditLog audit;
    private final Clock clock;
    private final CaseFiles caseFiles;

    Designer(ProcessDesign design, BpmnDrafts drafts, AuditLog audit, Clock clock, CaseFiles caseFiles) {
        this.design = design;
        this.caseFiles = caseFiles;
        this.drafts = drafts;
        this.audit = audit;
        this.clock = clock;
    }

    public BpmnDraft saveDraft(String key, String xml, CurrentUser user) {
        design.definition(key);
        if (xml == null || xml.isBlank()) {
            throw new InvalidInputException("xml", "validation.required");
        }
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException("xml", "designer.tooLarge");
        }
        if (!ProcessDesign.isWellFormedBpmn(bytes)) {
            throw new InvalidInputException("xml", "designer.draftNotBpmn");
        }
        BpmnDraft draft = drafts.save(new BpmnDraft(key, xml, user.username(), clock.instant()));
        audit.record("PROCESS_DRAFT_SAVED", null, null, "process", key, Map.of("draft", draft.getId()));
        return draft;
    }

    /**
     * Keeps a refused deployment's XML as the process's latest draft, so the designer's edits survive a reload;
     * false when it cannot be a draft (not BPMN, too large, unknown process).
     */
    public boolean keepRefused(String key, String xml, CurrentUser user) {
        try {
            saveDraft(key, xml, user);
            return true;
        } catch (InvalidInputException | NotFoundException e) {
            return false;
        }
    }

    @Transactional(readOnly = true)
    public Optional<BpmnDraft> latestDraft(String key) {
        return drafts.findFirstByProcessKeyOrderByIdDesc(key);
    }

    /** Validates and deploys; refused files throw {@link ProcessDesign.Refused} with the report. */
    public ProcessDesign.DeployResult deploy(byte[] xml, CurrentUser user) {
        if (xml == null || xml.length == 0) {
            throw new InvalidInputException("file", "validation.required");
        }
        if (xml.length > MAX_BYTES) {
            throw new InvalidInputException("file", "designer.tooLarge");
        }
        ProcessDesign.DeployResult result = design.deploy(xml);
        if (result.deployed() != null) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("version", result.deployed().version());
            details.put("deployment", result.deployed().deploymentId());
            details.put("added", result.diff().added());
            details.put("removed", result.diff().removed());
            details.put("changed", result.diff().changed());
            audit.record(
                    "PROCESS_DEPLOYED", null, null, "process", result.deployed().key(), details);
        }
        return result;
    }

    /** What migrating one version's running cases to another would do; nothing moves. */
    @Transactional(readOnly = true)
    public ProcessDesign.MigrationPreview previewMigration(String key, int fromVersion, int toVersion) {
        return design.previewMigration(
                design.version(key, fromVersion).definitionId(),
                design.version(key, toVersion).definitionId());
    }

    /** The case code of each previewed instance, by business key (the case id). */
    @Transactional(readOnly = true)
    public Map<String, String> caseCodes(ProcessDesign.MigrationPreview preview) {
        return caseCodes(preview.instances().stream()
                .map(ProcessDesign.MigratingInstance::businessKey)
                .toList());
    }

    /** The case code of each instance a migration skipped, by business key. */
    @Transactional(readOnly = true)
    public Map<String, String> caseCodes(ProcessDesign.MigrationReport report) {
        return caseCodes(report.skipped().stream()
                .map(ProcessDesign.Skipped::businessKey)
                .toList());
    }

    private Map<String, String> caseCodes(List<String> businessKeys) {
        List<Long> ids = businessKeys.stream()
                .filter(k -> k != null && k.matches("\\d{1,18}"))
                .map(Long::valueOf)
                .toList();
        Map<String, String> codes = new HashMap<>();
        caseFiles.codes(ids).forEach((id, code) -> codes.put(Long.toString(id), code));
        return codes;
    }

    /** Whether a user may apply a migration: designers only plans that drop no step, administrators any plan. */
    public static boolean mayApply(ProcessDesign.MigrationPreview preview, CurrentUser user) {
        return preview.planProblems().isEmpty() && (!preview.dropsSteps() || user.isAdmin());
    }

    /**
     * Migrates after the preview was confirmed ({@code confirmed}); a plan that drops steps of the old version (the
     * cases waiting there cannot move) is an administrator's decision.
     */
    public ProcessDesign.MigrationReport migrate(
            String key, int fromVersion, int toVersion, boolean confirmed, CurrentUser user) {
        ProcessDesign.Version from = design.version(key, fromVersion);
        ProcessDesign.Version to = design.version(key, toVersion);
        if (!confirmed) {
            throw new InvalidInputException("confirm", "designer.confirmMigration");
        }
        ProcessDesign.MigrationPreview preview = design.previewMigration(from.definitionId(), to.definitionId());
        if (preview.dropsSteps() && !user.isAdmin()) {
            throw new ForbiddenException(
                    "designer.migrationNeedsAdmin", preview.dropped().size());
        }
        ProcessDesign.MigrationReport report = design.migrate(preview);
        audit.record(
                "PROCESS_MIGRATED",
                null,
                null,
                "process",
                key,
                Map.of(
                        "from",
                        fromVersion,
                        "to",
                        toVersion,
                        "migrated",
                        report.migrated(),
                        "skipped",
                        report.skipped().size(),
                        "planProblems",
                        report.planProblems().size()));
        return report;
    }
}
