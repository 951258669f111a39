package vn.tandem.process.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidator;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import vn.tandem.audit.AuditLog;

/**
 * Tandem's engine configuration, applied before the engine starts:
 * <ul>
 * <li>the sandboxed expression manager ({@link TandemExpressionManager}) and Tandem's BPMN parse
 * ({@link TandemBpmnParse}), with the deployment guard as the first deployer — deploying BPMN is deploying code;
 * <li>the case data guard on engine API commands ({@link CaseDataGuard}) and one audit entry per engine API write
 * ({@link EngineWriteAudit});
 * <li>the global task listener on every user task of every deployed process (so tasks a designer adds, and
 * migrated instances, keep the read models current), and the {@code requiredIf} form constraint.
 * </ul>
 */
@Component
class TandemEnginePlugin extends AbstractProcessEnginePlugin {

    private static final String[] EVENTS = {
        TaskListener.EVENTNAME_CREATE,
        TaskListener.EVENTNAME_ASSIGNMENT,
        TaskListener.EVENTNAME_UPDATE,
        TaskListener.EVENTNAME_COMPLETE,
        TaskListener.EVENTNAME_DELETE
    };

    private final TaskEventsListener taskEvents;
    private final BpmnDeploymentGuard guard;
    private final ObjectProvider<AuditLog> audit;
    private final ApplicationContext context;

    /** @param context the Spring context beans are looked up in; null for a plain engine (its bean map) */
    TandemEnginePlugin(
            TaskEventsListener taskEvents,
            BpmnDeploymentGuard guard,
            ObjectProvider<AuditLog> audit,
            ApplicationContext context) {
        this.taskEvents = taskEvents;
        this.guard = guard;
        this.audit = audit;
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        Function<String, Object> beans = context != null
                ? name -> context.containsBean(name) ? context.getBean(name) : null
                : name -> configuration.getBeans() == null
                        ? null
                        : configuration.getBeans().get(name);
        configuration.setExpressionManager(new TandemExpressionManager(beans));
        configuration.setBpmnParseFactory(new TandemBpmnParse.Factory(guard.modelCheck()));
        configuration.setCustomPreDeployers(append(configuration.getCustomPreDeployers(), (Deployer) guard));
        configuration.setCustomPreCommandInterceptorsTxRequired(
                append(configuration.getCustomPreCommandInterceptorsTxRequired(), (CommandInterceptor)
                        new DeploymentErrors()));
        configuration.setCustomPostCommandInterceptorsTxRequired(append(
                configuration.getCustomPostCommandInterceptorsTxRequired(), (CommandInterceptor) new CaseDataGuard()));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(
                append(configuration.getCustomPostCommandInterceptorsTxRequiresNew(), (CommandInterceptor)
                        new CaseDataGuard()));
        configuration.setCustomHistoryEventHandlers(append(
                configuration.getCustomHistoryEventHandlers(), (HistoryEventHandler) new EngineWriteAudit(audit)));
        configuration.setCustomPostBPMNParseListeners(append(
                configuration.getCustomPostBPMNParseListeners(), (BpmnParseListener) new AbstractBpmnParseListener() {
                    @Override
                    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                        UserTaskActivityBehavior behavior = (UserTaskActivityBehavior) activity.getActivityBehavior();
                        for (String event : EVENTS) {
                            behavior.getTaskDefinition().addBuiltInTaskListener(event, taskEvents);
                        }
                    }
                }));
        // engine REST callers with Tandem's ADMIN role are put in this group (EngineRestSecurity)
        if (configuration.getAdminGroups() == null
                || !configuration.getAdminGroups().contains(Groups.CAMUNDA_ADMIN)) {
            configuration.setAdminGroups(append(configuration.getAdminGroups(), Groups.CAMUNDA_ADMIN));
        }
        Map<String, Class<? extends FormFieldValidator>> validators =
                configuration.getCustomFormFieldValidators() == null
                        ? new HashMap<>()
                        : new HashMap<>(configuration.getCustomFormFieldValidators());
        validators.put(RequiredIfValidator.NAME, RequiredIfValidator.class);
        configuration.setCustomFormFieldValidators(validators);
        // replaces the engine's "date" type (same name, added after the built-in ones): its shared SimpleDateFormat
        // is not thread-safe
        configuration.setCustomFormTypes(
                append(configuration.getCustomFormTypes(), (org.camunda.bpm.engine.impl.form.type.AbstractFormFieldType)
                        new ThreadSafeDateFormType(DATE_PATTERN)));
    }

    /** The engine's own pattern for a day in a form ({@code ProcessEngineConfigurationImpl#initFormTypes}). */
    static final String DATE_PATTERN = "dd/MM/yyyy";

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = list == null ? new ArrayList<>() : new ArrayList<>(list);
        copy.add(item);
        return copy;
    }
}
