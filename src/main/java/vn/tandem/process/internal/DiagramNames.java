package vn.tandem.process.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;

/**
 * The names a person reads on a diagram: in English where the element has a {@code name.en} property and English is
 * wanted, and without the expressions a name may hold for the running task (e.g. the agency of a multi-instance
 * step), which mean nothing on a drawing.
 */
public final class DiagramNames {

    /** " (${…})" or "${…}" inside a name, with the spaces and brackets around it. */
    private static final Pattern EXPRESSION = Pattern.compile("\\s*[(:]?\\s*[$#]\\{[^}]*}\\s*\\)?");

    private DiagramNames() {}

    /** The model with every name in the reader's language, ready for a viewer. */
    public static String localize(BpmnModelInstance model, boolean english) {
        BpmnModelInstance copy = model.clone();
        for (BaseElement element : copy.getModelElementsByType(BaseElement.class)) {
            String name = name(element, english);
            if (name != null) {
                element.setAttributeValue("name", name);
            }
        }
        return Bpmn.convertToString(copy);
    }

    /** The names of some elements (e.g. the active ones, for the caption under the diagram). */
    public static Map<String, String> names(BpmnModelInstance model, List<String> ids, boolean english) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String id : ids) {
            if (model.getModelElementById(id) instanceof BaseElement element) {
                String name = name(element, english);
                names.put(id, name == null || name.isBlank() ? id : name);
            }
        }
        return names;
    }

    private static String name(BaseElement element, boolean english) {
        String name = element.getAttributeValue("name");
        if (english) {
            String en = BpmnProperties.property(element, BpmnProperties.NAME_EN);
            if (en != null && !en.isBlank()) {
                name = en;
            }
        }
        return name == null ? null : EXPRESSION.matcher(name).replaceAll("").strip();
    }
}
