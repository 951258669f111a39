package vn.tandem.process.internal;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.tandem.process.BpmnCheck;

/**
 * Validates a BPMN file before the engine sees it — the same rules on every deployment path (start-up from
 * {@code bpmn/}, the designer pages, {@code /engine-rest/deployment/create}). Reads with a StAX parser that refuses
 * any DOCTYPE at once (no external entities, no entity expansion) and reports each problem with its element id
 * and line. Refused: script tasks, scripts and script conditions, {@code camunda:class}, {@code camunda:resource},
 * connectors, expressions other than variables, literals, comparisons and allowlisted calls
 * ({@link ExpressionAllowlist}). Required: a process id, name and {@code historyTimeToLive}; candidate groups that
 * exist; form keys with a template (or generic form fields); one collaboration at most, no imports, diagram
 * references that resolve.
 */
public class BpmnValidator {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)\\}", Pattern.DOTALL);
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:('(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\")|([0-9]+(?:\\.[0-9]+)?)|([A-Za-z_][A-Za-z0-9_]*)"
                    + "|(==|!=|<=|>=|&&|\\|\\||[<>!()?:,+\\-*/%.\\[\\]]))");

    private final Predicate<String> groupExists;
    private final Predicate<String> templateExists;

    /**
     * @param groupExists whether a candidate group names a real agency and role (e.g. {@code congan-officer})
     * @param templateExists whether a {@code tandem:<name>} form key has a template
     */
    public BpmnValidator(Predicate<String> groupExists, Predicate<String> templateExists) {
        this.groupExists = groupExists;
        this.templateExists = templateExists;
    }

    public BpmnCheck check(String resource, byte[] xml) {
        List<BpmnCheck.Problem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, Location> diagramRefs = new HashMap<>();
        int collaborations = 0;
        int processes = 0;
        boolean diagram = false;
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        List<String> elementStack = new ArrayList<>();
        List<String> idStack = new ArrayList<>();
        Map<String, UserTaskInfo> userTasks = new HashMap<>();
        UserTaskInfo currentTask = null;
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    problems.add(problem("bpmn.doctype",
                            "DOCTYPE declarations are not allowed (external entities, entity expansion)",
                            null, reader.getLocation()));
                    return new BpmnCheck(resource, problems);
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    problems.add(problem("bpmn.entity",
                            "Entity references are not allowed", null, reader.getLocation()));
                    return new BpmnCheck(resource, problems);
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String ns = reader.getNamespaceURI();
                    String name = reader.getLocalName();
                    Location at = reader.getLocation();
                    String id = reader.getAttributeValue(null, "id");
                    String owner = id != null ? id : idStack.isEmpty() ? null : idStack.get(idStack.size() - 1);
                    elementStack.add(name);
                    idStack.add(owner);
                    if (id != null) {
                        ids.add(id);
                    }
                    if (BPMN.equals(ns)) {
                        switch (name) {
                            case "scriptTask" -> problems.add(problem("bpmn.scriptTask",
                                    "Script tasks are not allowed", owner, at));
                            case "import" -> problems.add(problem("bpmn.import",
                                    "Imports are not supported", owner, at));
                            case "collaboration" -> collaborations++;
                            case "process" -> {
                                processes++;
                                checkProcess(reader, owner, at, problems);
                            }
                            case "conditionExpression", "script" -> {
                                if (reader.getAttributeValue(null, "language") != null) {
                                    problems.add(problem("bpmn.scriptLanguage",
                                            "Conditions and scripts in a script language are not "
                                            + "allowed", owner, at));
                                }
                            }
                            case "userTask" -> {
                                currentTask = new UserTaskInfo(owner, at,
                                        reader.getAttributeValue(CAMUNDA, "formKey"));
                                userTasks.put(owner, currentTask);
                                checkGroups(reader.getAttributeValue(CAMUNDA, "candidateGroups"), owner, at, problems);
                            }
                            default -> {
                                // other BPMN elements carry only attributes checked below
                            }
                        }
                    } else if (CAMUNDA.equals(ns)) {
                        switch (name) {
                            case "script" -> problems.add(problem("bpmn.script", "Scripts are not allowed", owner, at));
                            case "connector" -> problems.add(problem("bpmn.connector",
                                    "Connectors are not allowed", owner, at));
                            case "formField" -> {
                                if (currentTask != null) {
                                    currentTask.hasFields = true;
                                }
                            }
                            case "taskListener", "executionListener" -> {
                                if (reader.getAttributeValue(null, "class") != null) {
                                    problems.add(problem("bpmn.listenerClass",
                                            "Listeners by Java class are not allowed; use an "
                                            + "allowed delegate expression", owner, at));
                                }
                                if (reader.getAttributeValue(null, "expression") != null) {
                                    problems.add(problem("bpmn.listenerExpression",
                                            "Listener expressions are not allowed; use an allowed "
                                            + "delegate expression", owner, at));
                                }
                                checkDelegate(reader.getAttributeValue(null, "delegateExpression"), owner, at,
                                        problems);
                            }
                            default -> {
                                // checked through their attributes and text
                            }
                        }
                    } else if (BPMNDI.equals(ns)) {
                        if ("BPMNDiagram".equals(name)) {
                            diagram = true;
                        }
                        String ref = reader.getAttributeValue(null, "bpmnElement");
                        if (ref != null) {
                            diagramRefs.put(ref, at);
                        }
                    }
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        String attrNs = reader.getAttributeNamespace(i);
                        String attr = reader.getAttributeLocalName(i);
                        String value = reader.getAttributeValue(i);
                        if (CAMUNDA.equals(attrNs) && ("class".equals(attr) || "resource".equals(attr))) {
                            problems.add(problem("bpmn.attribute", new Object[] {"camunda:" + attr},
                                    "camunda:" + attr + " is not allowed", owner, at));
                        } else if (CAMUNDA.equals(attrNs) && "delegateExpression".equals(attr)) {
                            checkDelegate(value, owner, at, problems);
                        } else if (CAMUNDA.equals(attrNs) && "expression".equals(attr)) {
                            problems.add(problem("bpmn.expressionTask",
                                    "Expression service tasks are not allowed; use an allowed "
                                    + "delegate", owner, at));
                        } else if ("scriptFormat".equals(attr)) {
                            problems.add(problem("bpmn.script", "Scripts are not allowed", owner, at));
                        } else if (!"delegateExpression".equals(attr)) {
                            checkExpressions(value, owner, at, problems);
                        }
                    }
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    String text = reader.getText();
                    if (text != null && (text.contains("${") || text.contains("#{"))) {
                        checkExpressions(text, idStack.isEmpty() ? null : idStack.get(idStack.size() - 1),
                                reader.getLocation(), problems);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if ("userTask".equals(reader.getLocalName()) && BPMN.equals(reader.getNamespaceURI())) {
                        currentTask = null;
                    }
                    elementStack.remove(elementStack.size() - 1);
                    idStack.remove(idStack.size() - 1);
                }
            }
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            String detail = e.getMessage().replaceAll("\\s+", " ");
            problems.add(new BpmnCheck.Problem("Not well-formed XML: " + detail, null,
                    at == null ? 0 : at.getLineNumber(), at == null ? 0 : at.getColumnNumber(), "bpmn.malformed",
                    detail));
            return new BpmnCheck(resource, problems);
        }
        if (processes == 0) {
            problems.add(new BpmnCheck.Problem("No process in the file", null, 1, 1, "bpmn.noProcess"));
        }
        if (collaborations > 1) {
            problems.add(new BpmnCheck.Problem("Several collaborations in one file cannot be run; keep one", null,
                    1, 1, "bpmn.collaborations"));
        }
        if (!diagram) {
            problems.add(new BpmnCheck.Problem("The file has no diagram (BPMNDiagram)", null, 1, 1, "bpmn.noDiagram"));
        }
        diagramRefs.forEach((ref, at) -> {
            if (!ids.contains(ref)) {
                problems.add(problem("bpmn.diagramRef", new Object[] {ref},
                        "The diagram refers to a missing element " + ref, ref, at));
            }
        });
        for (UserTaskInfo task : userTasks.values()) {
            if (task.formKey == null) {
                continue; // generic form from camunda:formData (or a plain confirmation)
            }
            if (!task.formKey.startsWith("tandem:")) {
                problems.add(problem("bpmn.formKeyScheme", new Object[] {task.formKey},
                        "Form key " + task.formKey + " cannot be shown; use camunda:formData fields "
                        + "or a tandem: form", task.id, task.at));
            } else if (!templateExists.test(task.formKey.substring("tandem:".length()))) {
                problems.add(problem(task.hasFields ? "bpmn.formKeyTemplate" : "bpmn.formKeyTemplateNoFields",
                        new Object[] {task.formKey},
                        "Form key " + task.formKey + " has no template"
                        + (task.hasFields ? "" : " and the task declares no form fields"), task.id, task.at));
            }
        }
        problems.sort(java.util.Comparator.comparingInt(BpmnCheck.Problem::line));
        return new BpmnCheck(resource, List.copyOf(problems));
    }

    private void checkProcess(XMLStreamReader reader, String id, Location at, List<BpmnCheck.Problem> problems) {
        if (id == null || id.isBlank()) {
            problems.add(problem("bpmn.processId", "The process needs an id", null, at));
        }
        String name = reader.getAttributeValue(null, "name");
        if (name == null || name.isBlank()) {
            problems.add(problem("bpmn.processName", "The process needs a name", id, at));
        }
        String ttl = reader.getAttributeValue(CAMUNDA, "historyTimeToLive");
        if (ttl == null || ttl.isBlank()) {
            problems.add(problem("bpmn.ttl", "The process needs camunda:historyTimeToLive (e.g. 3650 days)", id, at));
        }
        if (!"true".equals(reader.getAttributeValue(null, "isExecutable"))) {
            problems.add(problem("bpmn.executable", "The process must be executable (isExecutable=\"true\")", id, at));
        }
    }

    private void checkGroups(String groups, String id, Location at, List<BpmnCheck.Problem> problems) {
        if (groups == null) {
            return;
        }
        for (String group : groups.split(",")) {
            String g = group.strip();
            if (g.isEmpty() || g.startsWith("${") || g.startsWith("#{")) {
                continue; // expressions are checked on their own
            }
            if (!groupExists.test(g.toLowerCase(Locale.ROOT))) {
                problems.add(problem("bpmn.group", new Object[] {g},
                        "Candidate group " + g + " does not exist (use <agency>-<role>, e.g. "
                        + "congan-officer)", id, at));
            }
        }
    }

    private void checkDelegate(String value, String id, Location at, List<BpmnCheck.Problem> problems) {
        if (value == null) {
            return;
        }
        Matcher m = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\}$").matcher(value.strip());
        if (!m.matches() || !ExpressionAllowlist.DELEGATES.contains(m.group(1))) {
            String allowed = new java.util.TreeSet<>(ExpressionAllowlist.DELEGATES).toString();
            problems.add(problem("bpmn.delegate", new Object[] {value, allowed},
                    "Delegate " + value + " is not on the allowed list " + allowed, id, at));
        }
    }

    /** Every {@code ${...}} / {@code #{...}} in a value must stay inside the allowed grammar. */
    void checkExpressions(String value, String id, Location at, List<BpmnCheck.Problem> problems) {
        if (value == null || (!value.contains("${") && !value.contains("#{"))) {
            return;
        }
        Matcher m = EXPRESSION.matcher(value);
        boolean any = false;
        while (m.find()) {
            any = true;
            String reason = disallowed(m.group(1));
            if (reason != null) {
                problems.add(problem("bpmn.expression", new Object[] {m.group(), reason}, "Expression " + m.group()
                        + " is not allowed: " + reason, id, at));
            }
        }
        if (!any) {
            problems.add(problem("bpmn.unterminated", new Object[] {value},
                    "Unterminated expression in " + value, id, at));
        }
    }

    /** Why an expression body is refused, or null when it is allowed. */
    static String disallowed(String body) {
        List<String> tokens = new ArrayList<>();
        Matcher t = TOKEN.matcher(body);
        int pos = 0;
        while (pos < body.length()) {
            if (!t.find(pos) || t.start() != pos) {
                if (body.substring(pos).isBlank()) {
                    break;
                }
                return "unexpected '" + body.substring(pos).strip().charAt(0) + "'";
            }
            tokens.add(t.group().strip());
            pos = t.end();
        }
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals("[") || token.equals("]")) {
                return "indexing is not allowed";
            }
            if (token.equals(".")) {
                String bean = i > 0 ? tokens.get(i - 1) : "";
                String method = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
                boolean call = i + 2 < tokens.size() && tokens.get(i + 2).equals("(");
                boolean chained = i >= 2 && (tokens.get(i - 2).equals(".") || tokens.get(i - 2).equals(")"));
                if (!call || chained || !ExpressionAllowlist.METHODS.getOrDefault(bean, Set.of()).contains(method)) {
                    return "only calls to allowlisted methods " + ExpressionAllowlist.METHODS + " may use '.'";
                }
            }
            if (token.equals("(") && i > 0 && Character.isJavaIdentifierPart(tokens.get(i - 1).charAt(0))
                    && !(i >= 2 && tokens.get(i - 2).equals("."))
                    && !ExpressionAllowlist.KEYWORDS.contains(tokens.get(i - 1))) {
                return "function calls are not allowed";
            }
        }
        return null;
    }

    private static BpmnCheck.Problem problem(String code, String message, String id, Location at) {
        return problem(code, new Object[0], message, id, at);
    }

    private static BpmnCheck.Problem problem(String code, Object[] args, String message, String id, Location at) {
        return new BpmnCheck.Problem(message, id, at == null ? 0 : at.getLineNumber(),
                at == null ? 0 : at.getColumnNumber(), code, args);
    }

    private static final class UserTaskInfo {
        final String id;
        final Location at;
        final String formKey;
        boolean hasFields;

        UserTaskInfo(String id, Location at, String formKey) {
            this.id = id;
            this.at = at;
            this.formKey = formKey;
        }
    }
}
