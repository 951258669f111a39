package vn.tandem.process;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;
import vn.tandem.common.NotFoundException;
import vn.tandem.common.Reasons;

/**
 * The engine's deployments for administrators, with how many case instances each holds, and the one way to delete a
 * deployment together with its cases' process instances and history: an administrator's explicit decision with a
 * reason, audited with the counts and the cases it touched. (The engine REST API refuses such a delete, and
 * designers cannot delete at all.) The cases themselves stay in Tandem; each gets a timeline entry.
 */
@Service
@Transactional
public class Deployments {

    /** One deployment with its process versions and the case instances they hold. */
    public record Item(
            String id,
            String name,
            String source,
            Instant deployedAt,
            List<String> versions,
            long running,
            long total) {

        public boolean holdsCases() {
            return total > 0;
        }
    }

    /** Process instances removed with a deployment, by the case (business key) they belonged to. */
    public record InstancesRemoved(List<String> caseIds, String deploymentId, String reason) {}

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Deployments(
            RepositoryService repository,
            RuntimeService runtime,
            HistoryService history,
            AuditLog audit,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.runtime = runtime;
        this.history = history;
        this.audit = audit;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<Item> all() {
        List<Item> items = new ArrayList<>();
        for (Deployment d : repository
                .createDeploymentQuery()
                .orderByDeploymentTime()
                .desc()
                .list()) {
            items.add(item(d));
        }
        return items;
    }

    @Transactional(readOnly = true)
    public Item get(String id) {
        Deployment d = repository.createDeploymentQuery().deploymentId(id).singleResult();
        if (d == null) {
            throw new NotFoundException("deployment.notFound");
        }
        return item(d);
    }

    /**
     * Deletes a deployment with its process definitions, their running instances and their history. Needs a
     * reason (at least 10 characters); audited.
     */
    public Item delete(String id, String reason) {
        Item item = get(id);
        Reasons.check("reason", reason);
        String why = reason.strip();
        List<String> caseIds = new ArrayList<>();
        for (ProcessDefinition definition : definitions(id)) {
            history.createHistoricProcessInstanceQuery().processDefinitionId(definition.getId()).list().stream()
                    .map(HistoricProcessInstance::getBusinessKey)
                    .filter(k -> k != null && !caseIds.contains(k))
                    .forEach(caseIds::add);
        }
        repository.deleteDeployment(id, true);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", why);
        details.put("name", item.name());
        details.put("versions", item.versions());
        details.put("running", item.running());
        details.put("instances", item.total());
        details.put("cases", caseIds.size());
        audit.record("DEPLOYMENT_DELETED", null, null, "deployment", id, details);
        if (!caseIds.isEmpty()) {
            events.publishEvent(new InstancesRemoved(List.copyOf(caseIds), id, why));
        }
        return item;
    }

    private Item item(Deployment d) {
        long running = 0;
        long total = 0;
        List<String> versions = new ArrayList<>();
        for (ProcessDefinition definition : definitions(d.getId())) {
            versions.add(definition.getKey() + " v" + definition.getVersion());
            running += runtime.createProcessInstanceQuery()
                    .processDefinitionId(definition.getId())
                    .count();
            total += history.createHistoricProcessInstanceQuery()
                    .processDefinitionId(definition.getId())
                    .count();
        }
        return new Item(
                d.getId(),
                d.getName(),
                d.getSource(),
                d.getDeploymentTime() == null ? null : d.getDeploymentTime().toInstant(),
                List.copyOf(versions),
                running,
                Math.max(total, running));
    }

    private List<ProcessDefinition> definitions(String deploymentId) {
        return repository
                .createProcessDefinitionQuery()
                .deploymentId(deploymentId)
                .orderByProcessDefinitionKey()
                .asc()
                .list();
    }
}
