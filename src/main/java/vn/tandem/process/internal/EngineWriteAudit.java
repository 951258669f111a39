package vn.tandem.process.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.beans.factory.ObjectProvider;
import vn.tandem.audit.AuditLog;

/**
 * Writes one entry in Tandem's audit trail for every write a user makes through the engine's own API (the engine
 * REST API is the only place Tandem gives the engine an authenticated user). The engine itself describes such a
 * write as a user operation — deploy, delete, suspend, migrate, modify, set variables, set job retries, complete a
 * task… — with one operation id for all the properties it changed; this handler, registered beside the engine's
 * own history handler, turns each operation into one audit entry in the same transaction, naming the user, the
 * operation and the resource. A deployment is audited as {@code PROCESS_DEPLOYED}, as from the designer pages.
 */
final class EngineWriteAudit implements HistoryEventHandler {

    static final String ACTION = "ENGINE_WRITE";
    static final String DEPLOYED = "PROCESS_DEPLOYED";

    private final ObjectProvider<AuditLog> audit;

    EngineWriteAudit(ObjectProvider<AuditLog> audit) {
        this.audit = audit;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        handleEvents(List.of(event));
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        Map<String, List<UserOperationLogEntryEventEntity>> operations = new LinkedHashMap<>();
        for (HistoryEvent event : events) {
            if (event instanceof UserOperationLogEntryEventEntity entry && entry.getUserId() != null) {
                operations
                        .computeIfAbsent(
                                entry.getOperationId() == null ? entry.getId() : entry.getOperationId(),
                                k -> new ArrayList<>())
                        .add(entry);
            }
        }
        AuditLog log = audit.getIfAvailable();
        if (log == null) {
            return; // a plain engine in a unit test
        }
        operations.values().forEach(entries -> record(log, entries));
    }

    private static void record(AuditLog log, List<UserOperationLogEntryEventEntity> entries) {
        UserOperationLogEntryEventEntity first = entries.get(0);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("via", "engine-rest");
        details.put("operation", first.getOperationType());
        details.put("entity", first.getEntityType());
        put(details, "deploymentId", first.getDeploymentId());
        put(details, "processDefinitionKey", first.getProcessDefinitionKey());
        put(details, "processDefinitionId", first.getProcessDefinitionId());
        put(details, "processInstanceId", first.getProcessInstanceId());
        put(details, "taskId", first.getTaskId());
        put(details, "jobId", first.getJobId());
        put(details, "batchId", first.getBatchId());
        Map<String, String> properties = new LinkedHashMap<>();
        for (UserOperationLogEntryEventEntity e : entries) {
            if (e.getProperty() != null) {
                properties.put(e.getProperty(), e.getNewValue());
            }
        }
        if (!properties.isEmpty()) {
            details.put("properties", properties);
        }
        boolean deployed = EntityTypes.DEPLOYMENT.equals(first.getEntityType())
                && UserOperationLogEntry.OPERATION_TYPE_CREATE.equals(first.getOperationType());
        String entityType = first.getEntityType() == null ? "engine" : first.getEntityType();
        String entityId = firstNonNull(
                first.getDeploymentId(),
                first.getTaskId(),
                first.getJobId(),
                first.getProcessInstanceId(),
                first.getProcessDefinitionId(),
                first.getBatchId(),
                first.getProcessDefinitionKey());
        log.record(
                deployed ? DEPLOYED : ACTION,
                caseId(first.getProcessInstanceId()),
                null,
                deployed ? "deployment" : entityType,
                entityId,
                details);
    }

    /** The case whose process instance this is (the business key is the case id), or null. */
    private static Long caseId(String processInstanceId) {
        CommandContext context = Context.getCommandContext();
        if (processInstanceId == null || context == null) {
            return null;
        }
        HistoricProcessInstanceEventEntity instance =
                context.getHistoricProcessInstanceManager().findHistoricProcessInstance(processInstanceId);
        String key = instance == null ? null : instance.getBusinessKey();
        return key != null && key.matches("\\d{1,18}") ? Long.valueOf(key) : null;
    }

    private static void put(Map<String, Object> details, String key, String value) {
        if (value != null) {
            details.put(key, value);
        }
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
