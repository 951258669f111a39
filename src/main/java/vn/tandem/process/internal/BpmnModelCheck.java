package vn.tandem.process.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.util.xml.Element;
import vn.tandem.process.BpmnCheck;

/**
 * Tandem's rules for a BPMN model, checked on the element tree the engine's own parser built (the same tree it
 * goes on to turn into a process definition), before the engine interprets anything in it: only known namespaces
 * (the legacy {@code activiti:} one included is refused), only the Camunda extension attributes and elements
 * Tandem supports, no scripts, script conditions, Java classes, connectors, custom form validators or form
 * handlers, delegates only from the allowlist; a process id, name and {@code historyTimeToLive}; candidate groups
 * that exist; form keys with a template; one collaboration at most, no imports, a diagram whose references resolve.
 * {@link #checkExpressions} then judges every expression the engine created while parsing
 * ({@link ExpressionPolicy}).
 */
public final class BpmnModelCheck {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
    static final String DI = "http://www.omg.org/spec/DD/20100524/DI";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String XML = "http://www.w3.org/XML/1998/namespace";
    /** Camunda Modeler's execution-platform attributes and bpmn-js colours: layout only. */
    static final Set<String> LAYOUT_ATTRIBUTE_NAMESPACES = Set.of(
            "http://camunda.org/schema/modeler/1.0",
            "http://bpmn.io/schema/bpmn/biocolor/1.0",
            "http://www.omg.org/spec/BPMN/non-normative/color/1.0");

    private static final Set<String> ELEMENT_NAMESPACES = Set.of(BPMN, BPMNDI, DC, DI, CAMUNDA);

    /** Camunda attributes on BPMN elements that Tandem supports (their expressions are checked separately). */
    private static final Set<String> CAMUNDA_ATTRIBUTES = Set.of(
            "historyTimeToLive",
            "isStartableInTasklist",
            "versionTag",
            "jobPriority",
            "taskPriority",
            "candidateStarterGroups",
            "candidateStarterUsers",
            "asyncBefore",
            "asyncAfter",
            "exclusive",
            "async",
            "formKey",
            "assignee",
            "candidateUsers",
            "candidateGroups",
            "dueDate",
            "followUpDate",
            "priority",
            "delegateExpression",
            "initiator",
            "collection",
            "elementVariable",
            "errorCodeVariable",
            "errorMessageVariable",
            "escalationCodeVariable",
            "calledElementBinding",
            "calledElementVersion",
            "calledElementVersionTag",
            "calledElementTenantId",
            "type",
            "topic");

    /** Camunda attributes that reach Java code or other resources; each gets its own explanation. */
    private static final Map<String, String> CODE_ATTRIBUTES = Map.ofEntries(
            Map.entry("class", "Java classes"),
            Map.entry("expression", "Expression service tasks and listeners"),
            Map.entry("resource", "External script resources"),
            Map.entry("resultVariable", "Expression results"),
            Map.entry("formHandlerClass", "Form handler classes"),
            Map.entry("variableMappingClass", "Variable mapping classes"),
            Map.entry("variableMappingDelegateExpression", "Variable mapping delegates"),
            Map.entry("decisionRef", "Decision (DMN) references"),
            Map.entry("caseRef", "Case (CMMN) references"),
            Map.entry("formRef", "Camunda Forms references"));

    /** Camunda extension elements and the plain attributes each may carry. */
    private static final Map<String, Set<String>> CAMUNDA_ELEMENTS = Map.ofEntries(
            Map.entry("properties", Set.of()),
            Map.entry("property", Set.of("id", "name", "value")),
            Map.entry("formData", Set.of("businessKey")),
            Map.entry("formField", Set.of("id", "label", "type", "defaultValue", "datePattern")),
            Map.entry("validation", Set.of()),
            Map.entry("constraint", Set.of("name", "config")),
            Map.entry("value", Set.of("id", "name")),
            Map.entry("inputOutput", Set.of()),
            Map.entry("inputParameter", Set.of("name")),
            Map.entry("outputParameter", Set.of("name")),
            Map.entry("list", Set.of()),
            Map.entry("map", Set.of()),
            Map.entry("entry", Set.of("key")),
            Map.entry("taskListener", Set.of("event", "delegateExpression", "id")),
            Map.entry("executionListener", Set.of("event", "delegateExpression")),
            Map.entry("field", Set.of("name", "stringValue", "expression")),
            Map.entry("string", Set.of()),
            Map.entry("expression", Set.of()),
            Map.entry("failedJobRetryTimeCycle", Set.of()),
            Map.entry("in", Set.of("source", "sourceExpression", "target", "variables", "local", "businessKey")),
            Map.entry("out", Set.of("source", "sourceExpression", "target", "variables", "local")),
            Map.entry("errorEventDefinition", Set.of("id", "errorRef", "expression")));

    private static final Map<String, String> REFUSED_BPMN_ELEMENTS = Map.of(
            "scriptTask",
            "Script tasks are not allowed",
            "script",
            "Scripts are not allowed",
            "businessRuleTask",
            "Business rule tasks (DMN) are not supported",
            "import",
            "Imports are not supported");

    /** Built-in form constraints plus Tandem's {@code requiredIf}; a custom {@code validator} runs Java code. */
    private static final Set<String> CONSTRAINTS =
            Set.of("required", "readonly", "minlength", "maxlength", "min", "max", RequiredIfValidator.NAME);

    private static final Pattern DELEGATE = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\}$");

    /** A problem found on an element of the tree. */
    record Found(Element element, String elementId, BpmnCheck.Problem problem) {}

    private final Predicate<String> groupExists;
    private final Predicate<String> templateExists;
    private final Predicate<String> legalStepKnown;

    /**
     * @param groupExists whether a candidate group names a real agency and role (e.g. {@code congan-officer})
     * @param templateExists whether a {@code tandem:<name>} form key has a template
     * @param legalStepKnown whether a task's {@code legalStep} property names a step the legal clock knows
     */
    public BpmnModelCheck(
            Predicate<String> groupExists, Predicate<String> templateExists, Predicate<String> legalStepKnown) {
        this.groupExists = groupExists;
        this.templateExists = templateExists;
        this.legalStepKnown = legalStepKnown;
    }

    /** Everything but the expressions: run before the engine interprets (or instantiates) anything. */
    List<Found> check(Element root) {
        List<Found> found = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        collectIds(root, ids);
        Walk walk = new Walk(found);
        walk.visit(root, null);
        if (walk.processes == 0) {
            found.add(problem(root, null, "bpmn.noProcess", "No process in the file"));
        }
        if (walk.collaborations > 1) {
            found.add(problem(
                    root, null, "bpmn.collaborations", "Several collaborations in one file cannot be run; keep one"));
        }
        if (!walk.diagram) {
            found.add(problem(root, null, "bpmn.noDiagram", "The file has no diagram (BPMNDiagram)"));
        }
        walk.diagramRefs.forEach((ref, element) -> {
            if (!ids.contains(ref)) {
                found.add(problem(
                        element, ref, "bpmn.diagramRef", "The diagram refers to a missing element " + ref, ref));
            }
        });
        return found;
    }

    /**
     * Judges every expression the engine created while parsing, reporting each refused one on the elements
     * whose attribute or text holds it.
     */
    List<Found> checkExpressions(Element root, List<String> expressions) {
        List<Found> found = new ArrayList<>();
        for (String expression : new LinkedHashSet<>(expressions)) {
            ExpressionPolicy.Violation violation = ExpressionPolicy.check(expression);
            if (violation == null) {
                continue;
            }
            List<Element[]> places = new ArrayList<>();
            locate(root, null, expression.strip(), places);
            if (places.isEmpty()) {
                places.add(new Element[] {root, null});
            }
            for (Element[] place : places) {
                String owner = place[1] == null ? null : place[1].attribute("id");
                found.add(problem(
                        place[0],
                        owner,
                        violation.code(),
                        "Expression " + expression + " is not allowed: " + violation.reason(),
                        expression));
            }
        }
        return found;
    }

    /** Finds the elements whose attribute value or text holds the expression, with their nearest id'd ancestor. */
    private static void locate(Element element, Element owner, String expression, List<Element[]> places) {
        Element self = element.attribute("id") != null && BPMN.equals(element.getUri()) ? element : owner;
        boolean here = element.getText().contains(expression);
        for (String key : element.attributes()) {
            String value = element.attribute(key);
            here |= value != null && value.contains(expression);
        }
        if (here) {
            places.add(new Element[] {element, self});
        }
        for (Element child : element.elements()) {
            locate(child, self, expression, places);
        }
    }

    private final class Walk {

        final List<Found> found;
        final Map<String, Element> diagramRefs = new HashMap<>();
        int processes;
        int collaborations;
        boolean diagram;

        Walk(List<Found> found) {
            this.found = found;
        }

        void visit(Element element, String owner) {
            String uri = element.getUri() == null ? "" : element.getUri();
            String name = element.getTagName();
            String id = element.attribute("id");
            String self = id != null && BPMN.equals(uri) ? id : owner;
            if (!ELEMENT_NAMESPACES.contains(uri)) {
                found.add(problem(
                        element,
                        self,
                        "bpmn.namespace",
                        "Elements of the namespace " + uri + " are not allowed (" + name + ")",
                        uri));
                return; // nothing inside an unknown element is looked at by anyone but its own extension
            }
            attributes(element, uri, name, self);
            switch (uri) {
                case BPMN -> bpmn(element, name, self);
                case CAMUNDA -> camunda(element, name, self);
                case BPMNDI -> {
                    if ("BPMNDiagram".equals(name)) {
                        diagram = true;
                    }
                    String ref = element.attribute("bpmnElement");
                    if (ref != null) {
                        diagramRefs.put(ref, element);
                    }
                }
                default -> {
                    // DC and DI: layout
                }
            }
            for (Element child : element.elements()) {
                visit(child, self);
            }
        }

        void attributes(Element element, String uri, String name, String owner) {
            for (String key : element.attributes()) {
                if ("xmlns".equals(key) || key.startsWith("xmlns:")) {
                    continue; // namespace declarations: what matters is which namespaces are used
                }
                int colon = key.lastIndexOf(':');
                String attrUri = colon < 0 ? "" : key.substring(0, colon);
                String attr = colon < 0 ? key : key.substring(colon + 1);
                String value = element.attribute(key);
                if (attrUri.isEmpty()
                        || XSI.equals(attrUri)
                        || XML.equals(attrUri)
                        || LAYOUT_ATTRIBUTE_NAMESPACES.contains(attrUri)) {
                    if (attrUri.isEmpty() && CAMUNDA.equals(uri)) {
                        camundaElementAttribute(element, name, attr, value, owner);
                    } else if (attrUri.isEmpty() && BPMN.equals(uri) && "scriptFormat".equals(attr)) {
                        found.add(problem(element, owner, "bpmn.script", "Scripts are not allowed"));
                    }
                } else if (CAMUNDA.equals(attrUri)) {
                    camundaAttribute(element, attr, value, owner);
                } else {
                    found.add(problem(
                            element,
                            owner,
                            "bpmn.namespace",
                            "Attributes of the namespace " + attrUri + " are not allowed (" + attr + ")",
                            attrUri));
                }
            }
        }

        void bpmn(Element element, String name, String owner) {
            String refused = REFUSED_BPMN_ELEMENTS.get(name);
            if (refused != null) {
                found.add(problem(element, owner, "bpmn." + name, refused));
                return;
            }
            switch (name) {
                case "collaboration" -> collaborations++;
                case "process" -> process(element, owner);
                case "conditionExpression", "completionCondition", "condition" -> {
                    if (element.attribute("language") != null) {
                        found.add(problem(
                                element,
                                owner,
                                "bpmn.scriptLanguage",
                                "Conditions and scripts in a script language are not allowed"));
                    }
                }
                case "userTask" -> userTask(element, owner);
                default -> {
                    // other BPMN elements: their Camunda attributes and expressions are checked
                }
            }
        }

        void process(Element element, String id) {
            processes++;
            if (id == null || id.isBlank()) {
                found.add(problem(element, null, "bpmn.processId", "The process needs an id"));
            }
            String name = element.attribute("name");
            if (name == null || name.isBlank()) {
                found.add(problem(element, id, "bpmn.processName", "The process needs a name"));
            }
            String ttl = element.attribute(CAMUNDA + ":historyTimeToLive");
            if (ttl == null || ttl.isBlank()) {
                found.add(problem(
                        element, id, "bpmn.ttl", "The process needs camunda:historyTimeToLive (e.g. 3650 days)"));
            }
            if (!"true".equals(element.attribute("isExecutable"))) {
                found.add(problem(
                        element, id, "bpmn.executable", "The process must be executable (isExecutable=\"true\")"));
            }
        }

        void userTask(Element element, String id) {
            String groups = element.attribute(CAMUNDA + ":candidateGroups");
            if (groups != null) {
                for (String group : groups.split(",")) {
                    String g = group.strip();
                    if (g.isEmpty() || g.contains("${") || g.contains("#{")) {
                        continue; // expressions are checked on their own
                    }
                    if (!groupExists.test(g.toLowerCase(Locale.ROOT))) {
                        found.add(problem(
                                element,
                                id,
                                "bpmn.group",
                                "Candidate group " + g + " does not exist (use <agency>-<role>, e.g. <agency>-officer)",
                                g));
                    }
                }
            }
            String formKey = element.attribute(CAMUNDA + ":formKey");
            if (formKey == null) {
                return; // generic form from camunda:formData (or a plain confirmation)
            }
            boolean hasFields = hasFormFields(element);
            if (!formKey.startsWith("tandem:")) {
                found.add(problem(
                        element,
                        id,
                        "bpmn.formKeyScheme",
                        "Form key " + formKey + " cannot be shown; use camunda:formData fields or a tandem: form",
                        formKey));
            } else if (!templateExists.test(formKey.substring("tandem:".length()))) {
                found.add(problem(
                        element,
                        id,
                        hasFields ? "bpmn.formKeyTemplate" : "bpmn.formKeyTemplateNoFields",
                        "Form key " + formKey + " has no template"
                                + (hasFields ? "" : " and the task declares no form fields"),
                        formKey));
            }
        }

        void camunda(Element element, String name, String owner) {
            if ("script".equals(name)) {
                found.add(problem(element, owner, "bpmn.script", "Scripts are not allowed"));
            } else if ("connector".equals(name)) {
                found.add(problem(element, owner, "bpmn.connector", "Connectors are not allowed"));
            } else if ("formProperty".equals(name)) {
                found.add(problem(
                        element,
                        owner,
                        "bpmn.formProperty",
                        "camunda:formProperty is not supported; use camunda:formData fields"));
            } else if (!CAMUNDA_ELEMENTS.containsKey(name)) {
                found.add(problem(
                        element,
                        owner,
                        "bpmn.camundaElement",
                        "camunda:" + name + " is not supported",
                        "camunda:" + name));
            } else if ("property".equals(name)
                    && BpmnProperties.LEGAL_STEP.equals(element.attribute("name"))
                    && !legalStepKnown.test(String.valueOf(element.attribute("value")))) {
                found.add(problem(
                        element,
                        owner,
                        "bpmn.legalStep",
                        "legalStep " + element.attribute("value")
                                + " is not a legal step with rules (e.g. ACCEPT, VERIFY, RESOLVE)",
                        String.valueOf(element.attribute("value"))));
            } else if ("constraint".equals(name) && !CONSTRAINTS.contains(element.attribute("name"))) {
                found.add(problem(
                        element,
                        owner,
                        "bpmn.constraint",
                        "Form constraint " + element.attribute("name") + " is not supported (allowed: "
                                + new TreeSet<>(CONSTRAINTS) + ")",
                        String.valueOf(element.attribute("name"))));
            }
        }

        void camundaElementAttribute(Element element, String name, String attr, String value, String owner) {
            Set<String> allowed = CAMUNDA_ELEMENTS.get(name);
            if (allowed == null) {
                return; // the element itself is reported
            }
            if (("taskListener".equals(name) || "executionListener".equals(name)) && "class".equals(attr)) {
                found.add(problem(
                        element,
                        owner,
                        "bpmn.listenerClass",
                        "Listeners by Java class are not allowed; use an allowed delegate expression"));
            } else if (("taskListener".equals(name) || "executionListener".equals(name)) && "expression".equals(attr)) {
                found.add(problem(
                        element,
                        owner,
                        "bpmn.listenerExpression",
                        "Listener expressions are not allowed; use an allowed delegate expression"));
            } else if (!allowed.contains(attr)) {
                found.add(problem(
                        element,
                        owner,
                        "bpmn.attribute",
                        attr + " is not allowed on camunda:" + name,
                        attr + " (camunda:" + name + ")"));
            } else if ("delegateExpression".equals(attr)) {
                delegate(element, value, owner);
            }
        }

        void camundaAttribute(Element element, String attr, String value, String owner) {
            String code = CODE_ATTRIBUTES.entrySet().stream()
                    .filter(e -> attr.startsWith(e.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
            if ("expression".equals(attr)) {
                found.add(problem(
                        element,
                        owner,
                        "bpmn.expressionTask",
                        "Expression service tasks are not allowed; use an allowed delegate"));
            } else if (code != null) {
                found.add(problem(
                        element,
                        owner,
                        "bpmn.attribute",
                        "camunda:" + attr + " is not allowed (" + code + " run code or load resources on the server)",
                        "camunda:" + attr));
            } else if (!CAMUNDA_ATTRIBUTES.contains(attr)) {
                found.add(problem(
                        element, owner, "bpmn.attribute", "camunda:" + attr + " is not supported", "camunda:" + attr));
            } else if ("delegateExpression".equals(attr)) {
                delegate(element, value, owner);
            } else if ("type".equals(attr) && !"external".equals(value)) {
                found.add(problem(
                        element,
                        owner,
                        "bpmn.attribute",
                        "camunda:type=\"" + value + "\" is not supported",
                        "camunda:type=" + value));
            }
        }

        void delegate(Element element, String value, String owner) {
            Matcher m = DELEGATE.matcher(value == null ? "" : value.strip());
            if (!m.matches() || !ExpressionAllowlist.DELEGATES.contains(m.group(1))) {
                String allowed = new TreeSet<>(ExpressionAllowlist.DELEGATES).toString();
                found.add(problem(
                        element,
                        owner,
                        "bpmn.delegate",
                        "Delegate " + value + " is not on the allowed list " + allowed,
                        value,
                        allowed));
            }
        }
    }

    private static boolean hasFormFields(Element task) {
        for (Element child : task.elements()) {
            if ("extensionElements".equals(child.getTagName())) {
                for (Element ext : child.elements()) {
                    if ("formData".equals(ext.getTagName())
                            && CAMUNDA.equals(ext.getUri())
                            && !ext.elements().isEmpty()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void collectIds(Element element, Set<String> ids) {
        String id = element.attribute("id");
        if (id != null) {
            ids.add(id);
        }
        for (Element child : element.elements()) {
            collectIds(child, ids);
        }
    }

    private static Found problem(Element element, String elementId, String code, String message, Object... args) {
        return new Found(
                element,
                elementId,
                new BpmnCheck.Problem(message, elementId, element.getLine(), element.getColumn(), code, args));
    }
}
