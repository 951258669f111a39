package vn.tandem.process.internal;

import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/** Reads Tandem's extension properties ({@code camunda:properties}) of BPMN elements. */
public final class BpmnProperties {

    /** The property naming the legal step a user task belongs to (ACCEPT, RESOLVE, …). */
    public static final String LEGAL_STEP = "legalStep";

    private BpmnProperties() {
    }

    /** The user task's legal step, or null when it has none. */
    public static String legalStep(UserTask task) {
        if (task == null || task.getExtensionElements() == null) {
            return null;
        }
        return task.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream()).filter(p -> LEGAL_STEP.equals(p.getCamundaName()))
                .map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
    }
}
