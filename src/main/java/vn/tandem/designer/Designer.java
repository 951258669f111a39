package vn.tandem.designer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;
import vn.tandem.common.InvalidInputException;
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

    Designer(ProcessDesign design, BpmnDrafts drafts, AuditLog audit, Clock clock) {
        this.design = design;
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

    public ProcessDesign.MigrationReport migrate(String key, int fromVersion, int toVersion, CurrentUser user) {
        ProcessDesign.Version from = design.version(key, fromVersion);
        ProcessDesign.Version to = design.version(key, toVersion);
        ProcessDesign.MigrationReport report = design.migrate(from.definitionId(), to.definitionId());
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
