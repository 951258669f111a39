package vn.tandem.process.internal;

import jakarta.ws.rs.core.Response;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByKeyCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Keeps case data out of reach of the engine's API: a command issued by an authenticated engine user (the engine
 * REST API, where even administrators work) that would delete running or historic case instances is refused with
 * 409 and the number of instances — deleting a deployment or a process definition that has instances, deleting
 * process instances, historic process instances or their history, or operation log entries. A deployment that
 * holds no instances may still be deleted there by an administrator. Deleting a deployment with its cases is a
 * Tandem administrator action with an explicit confirmation and a reason ({@code vn.tandem.process.Deployments}),
 * which runs without an engine user and so is not stopped here.
 */
final class CaseDataGuard extends CommandInterceptor {

    /** Commands that remove case history outright, whatever their arguments. */
    private static final Set<String> HISTORY_DELETES = Set.of(
            "DeleteProcessInstanceBatchCmd",
            "DeleteHistoricProcessInstancesCmd",
            "DeleteHistoricProcessInstancesBatchCmd",
            "DeleteHistoricTaskInstanceCmd",
            "DeleteHistoricVariableInstanceCmd",
            "DeleteHistoricVariableInstancesByProcessInstanceIdCmd",
            "DeleteHistoricCaseInstanceCmd",
            "DeleteHistoricCaseInstancesBulkCmd",
            "DeleteUserOperationLogEntryCmd",
            "DeleteHistoricDecisionInstanceByDefinitionIdCmd",
            "DeleteHistoricDecisionInstanceByInstanceIdCmd",
            "DeleteHistoricDecisionInstancesBulkCmd",
            "DeleteHistoricDecisionInstancesBatchCmd",
            "SetRemovalTimeToHistoricProcessInstancesCmd",
            "SetRemovalTimeToHistoricDecisionInstancesCmd",
            "SetRemovalTimeToHistoricBatchesCmd");

    @Override
    public <T> T execute(Command<T> command) {
        CommandContext context = Context.getCommandContext();
        if (context != null && context.getAuthenticatedUserId() != null) {
            check(command, context.getProcessEngineConfiguration());
        }
        return next.execute(command);
    }

    private void check(Command<?> command, ProcessEngineConfigurationImpl engine) {
        String name = command.getClass().getSimpleName();
        if (command instanceof DeleteDeploymentCmd) {
            String deploymentId = field(command, "deploymentId", String.class);
            refuseIfInstances(
                    engine,
                    engine.getRepositoryService()
                            .createProcessDefinitionQuery()
                            .deploymentId(deploymentId)
                            .list(),
                    "deployment " + deploymentId);
        } else if (command instanceof DeleteProcessDefinitionsByIdsCmd) {
            Collection<?> ids = field(command, "processDefinitionIds", Collection.class);
            refuseIfInstances(
                    engine,
                    engine.getRepositoryService()
                            .createProcessDefinitionQuery()
                            .processDefinitionIdIn(
                                    ids.stream().map(String::valueOf).toArray(String[]::new))
                            .list(),
                    "process definition " + ids);
        } else if (command instanceof DeleteProcessDefinitionsByKeyCmd) {
            String key = field(command, "processDefinitionKey", String.class);
            refuseIfInstances(
                    engine,
                    engine.getRepositoryService()
                            .createProcessDefinitionQuery()
                            .processDefinitionKey(key)
                            .list(),
                    "process " + key);
        } else if ("DeleteProcessInstancesCmd".equals(name) || "DeleteProcessInstanceCmd".equals(name)) {
            Object ids = fieldOrNull(command, "processInstanceIds");
            int count = ids instanceof Collection<?> c ? c.size() : 1;
            throw refused(count, "process instances");
        } else if (HISTORY_DELETES.contains(name)) {
            Object ids = fieldOrNull(command, "processInstanceIds");
            throw refused(ids instanceof Collection<?> c ? c.size() : -1, "case history");
        }
    }

    private static void refuseIfInstances(
            ProcessEngineConfigurationImpl engine, List<ProcessDefinition> definitions, String what) {
        RuntimeService runtime = engine.getRuntimeService();
        HistoryService history = engine.getHistoryService();
        long running = 0;
        long all = 0;
        for (ProcessDefinition d : definitions) {
            running += runtime.createProcessInstanceQuery()
                    .processDefinitionId(d.getId())
                    .count();
            all += history.createHistoricProcessInstanceQuery()
                    .processDefinitionId(d.getId())
                    .count();
        }
        all = Math.max(all, running);
        if (all > 0) {
            throw new RestException(
                    Response.Status.CONFLICT,
                    "Deleting " + what + " would remove " + all
                            + " case instance(s), " + running
                            + " of them running. Case data cannot be deleted through the "
                            + "engine API; an administrator can delete it in Tandem (Administration > Deployments) with a "
                            + "reason.");
        }
    }

    private static RestException refused(int count, String what) {
        return new RestException(
                Response.Status.CONFLICT,
                "Deleting " + what + (count >= 0 ? " (" + count + ")" : "")
                        + " would remove case data; case data cannot be deleted through the engine API.");
    }

    /** Reads a command's argument; a command that cannot be read is refused (fail closed). */
    private static <T> T field(Object command, String name, Class<T> type) {
        Object value = fieldOrNull(command, name);
        if (!type.isInstance(value)) {
            throw new RestException(Response.Status.CONFLICT, "The deletion cannot be checked and is refused");
        }
        return type.cast(value);
    }

    private static Object fieldOrNull(Object command, String name) {
        for (Class<?> c = command.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(command);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }
}
