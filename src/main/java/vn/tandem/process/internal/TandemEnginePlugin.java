package vn.tandem.process.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Adds Tandem's global task listener to every user task of every deployed process (so tasks a designer adds, and
 * migrated instances, keep the read models current) and registers the {@code requiredIf} form constraint.
 */
@Component
class TandemEnginePlugin extends AbstractProcessEnginePlugin {

    private static final String[] EVENTS = {TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
        TaskListener.EVENTNAME_UPDATE, TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE};

    private final TaskEventsListener taskEvents;
    private final BpmnDeploymentGuard guard;

    TandemEnginePlugin(TaskEventsListener taskEvents, BpmnDeploymentGuard guard) {
        this.taskEvents = taskEvents;
        this.guard = guard;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                UserTaskActivityBehavior behavior = (UserTaskActivityBehavior) activity.getActivityBehavior();
                for (String event : EVENTS) {
                    behavior.getTaskDefinition().addBuiltInTaskListener(event, taskEvents);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
        // engine REST callers with Tandem's ADMIN role are put in this group (EngineRestSecurity)
        List<String> admins = configuration.getAdminGroups() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getAdminGroups());
        if (!admins.contains(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN)) {
            admins.add(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN);
        }
        configuration.setAdminGroups(admins);
        if (guard != null) {
            List<org.camunda.bpm.engine.impl.persistence.deploy.Deployer> deployers =
                    configuration.getCustomPreDeployers() == null ? new ArrayList<>()
                            : new ArrayList<>(configuration.getCustomPreDeployers());
            deployers.add(guard);
            configuration.setCustomPreDeployers(deployers);
        }
        var validators = configuration.getCustomFormFieldValidators() == null ? new HashMap<String,
                Class<? extends org.camunda.bpm.engine.impl.form.validator.FormFieldValidator>>()
                : new HashMap<>(configuration.getCustomFormFieldValidators());
        validators.put(RequiredIfValidator.NAME, RequiredIfValidator.class);
        configuration.setCustomFormFieldValidators(validators);
    }
}
