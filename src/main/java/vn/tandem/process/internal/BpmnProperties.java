package vn.tandem.process.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/** Reads Tandem's extension properties ({@code camunda:properties}) of BPMN elements. */
public final class BpmnProperties {

    /** The property naming the legal step a user task belongs to (ACCEPT, RESOLVE, …). */
    public static final String LEGAL_STEP = "legalStep";

    /** The property giving an element's name in English (a process, lane, task or event); may hold expressions. */
    public static final String NAME_EN = "name.en";

    private BpmnProperties() {}

    /** The user task's legal step, or null when it has none. */
    public static String legalStep(UserTask task) {
        return property(task, LEGAL_STEP);
    }

    /** A {@code camunda:properties} value of a BPMN element, or null. */
    public static String property(BaseElement element, String name) {
        if (element == null || element.getExtensionElements() == null) {
            return null;
        }
        return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .filter(p -> name.equals(p.getCamundaName()))
                .map(CamundaProperty::getCamundaValue)
                .findFirst()
                .orElse(null);
    }

    /** The ids of the processes in a BPMN file, read leniently (validation comes with the deployment). */
    public static List<String> processIds(byte[] xml) {
        List<String> ids = new ArrayList<>();
        var m = Pattern.compile("<(?:[A-Za-z0-9_-]+:)?process\\s[^>]*?\\bid=\"([^\"]+)\"")
                .matcher(new String(xml, StandardCharsets.UTF_8));
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
