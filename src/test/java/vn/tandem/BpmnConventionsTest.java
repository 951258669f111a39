package vn.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.tandem.process.CaseHandling;
import vn.tandem.process.InformationRequestProcess;
import vn.tandem.process.SlaEscalation;

/**
 * STYLE.md's BPMN conventions over every file in {@code bpmn/}: no {@code camunda:class}, no scripts, every
 * delegate expression names a bean of the application, every formKey has a template, historyTimeToLive set,
 * process id equals the file name, type-prefixed element ids, every user task has candidate groups or an assignee.
 */
class BpmnConventionsTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates/inbox/forms");
    static final Pattern BEAN = Pattern.compile("\\$\\{(\\w+)}");
    static final List<String> PREFIXES = List.of(
            "StartEvent_",
            "EndEvent_",
            "Event_",
            "Task_",
            "Gateway_",
            "Flow_",
            "Lane_",
            "LaneSet_",
            "Participant_",
            "Collaboration_",
            "TimerEventDefinition_",
            "Definitions_",
            "BPMNDiagram_",
            "BPMNPlane_",
            "SubProcess_",
            "Message_",
            "MessageEventDefinition_");

    static Stream<Path> files() throws Exception {
        return Files.list(Path.of("bpmn"))
                .filter(p -> p.toString().endsWith(".bpmn"))
                .sorted();
    }

    @ParameterizedTest
    @MethodSource("files")
    void followsTheConventions(Path file) throws Exception {
        String xml = Files.readString(file);
        assertThat(xml)
                .doesNotContain("camunda:class=")
                .doesNotContain("scriptTask")
                .doesNotContain("scriptFormat")
                .doesNotContain("camunda:resource=")
                .doesNotContain("<!DOCTYPE");
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        String name = file.getFileName().toString().replace(".bpmn", "");
        Process process = model.getModelElementsByType(Process.class).iterator().next();
        assertThat(process.getId()).isEqualTo(name);
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
        assertThat(process.isExecutable()).isTrue();
        List<String> problems = new ArrayList<>();
        for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
            String id = element.getId();
            if (id != null
                    && !(element instanceof Process)
                    && !id.endsWith("_di")
                    && PREFIXES.stream().noneMatch(id::startsWith)) {
                problems.add("id without a type prefix: " + id);
            }
        }
        Matcher beans = BEAN.matcher(String.join(" ", delegateExpressions(xml)));
        while (beans.find()) {
            String bean = beans.group(1);
            boolean exists = Files.walk(Path.of("src/main/java")).anyMatch(p -> {
                try {
                    return p.toString().endsWith(".java")
                            && Files.readString(p).contains("@Component(\"" + bean + "\")");
                } catch (IOException e) {
                    return false;
                }
            });
            if (!exists) {
                problems.add("delegateExpression names no bean: " + bean);
            }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String formKey = task.getCamundaFormKey();
            if (formKey != null && !Files.exists(TEMPLATES.resolve(formKey.replace("tandem:", "") + ".html"))) {
                problems.add(task.getId() + ": no template for " + formKey);
            }
            if (task.getCamundaCandidateGroups() == null && task.getCamundaAssignee() == null) {
                problems.add(task.getId() + ": nobody can work it");
            }
            if (task.getName() == null) {
                problems.add(task.getId() + ": no name");
            }
        }
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            if (element instanceof FlowNode && element.getName() == null && !(element instanceof Gateway)) {
                problems.add(element.getId() + ": no name");
            }
        }
        assertThat(problems).isEmpty();
    }

    private static List<String> delegateExpressions(String xml) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("delegateExpression=\"([^\"]+)\"").matcher(xml);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** Each process's names in Java, and its file. */
    static Stream<Arguments> contracts() {
        return Stream.of(
                Arguments.of(CaseHandling.class, "case-handling.bpmn"),
                Arguments.of(InformationRequestProcess.class, "information-request.bpmn"),
                Arguments.of(SlaEscalation.class, "sla-escalation.bpmn"));
    }

    /**
     * The BPMN contract: every name the code uses exists in its file — process key, element ids ({@code TASK_},
     * {@code EVENT_} of an element, {@code SUBPROCESS_}), messages, form fields ({@code FIELD_}), enum options
     * ({@code DECISION_}, {@code ACTION_}) and variables ({@code VAR_}: referenced in the file, or set by Tandem for
     * it); a constant the code no longer uses is dead and goes.
     */
    @ParameterizedTest
    @MethodSource("contracts")
    void everyNameTheCodeUsesExistsInItsProcess(Class<?> names, String file) throws Exception {
        String xml = Files.readString(Path.of("bpmn", file));
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn", file).toFile());
        Set<String> fields = new HashSet<>();
        Set<String> options = new HashSet<>();
        for (CamundaFormField field : model.getModelElementsByType(CamundaFormField.class)) {
            fields.add(field.getCamundaId());
            field.getCamundaValues().forEach(v -> options.add(v.getCamundaId()));
        }
        Set<String> messages = new HashSet<>();
        model.getModelElementsByType(Message.class).forEach(m -> messages.add(m.getName()));
        String mainCode = allMainCode();
        List<String> problems = new ArrayList<>();
        for (Field f : names.getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers()) || f.getType() != String.class) {
                continue;
            }
            String name = f.getName();
            String value = (String) f.get(null);
            boolean ok;
            if (name.equals("PROCESS_KEY")) {
                ok = model.getModelElementById(value) instanceof Process;
            } else if (name.startsWith("TASK_")
                    || name.startsWith("SUBPROCESS_")
                    || (name.startsWith("EVENT_") && value.contains("_"))) {
                ok = model.getModelElementById(value) != null;
            } else if (name.startsWith("MESSAGE_")) {
                ok = messages.contains(value);
            } else if (name.startsWith("FIELD_")) {
                ok = fields.contains(value);
            } else if (name.startsWith("DECISION_") || name.startsWith("ACTION_")) {
                ok = options.contains(value);
            } else if (name.startsWith("VAR_")) {
                ok = xml.contains(value) || mainCode.contains(names.getSimpleName() + "." + name);
            } else if (name.startsWith("EVENT_")) {
                ok = xml.contains(">" + value + "<"); // a lifecycle event named in an input parameter
            } else {
                ok = true; // legacy names are checked by LegacyAgencyStepsTest
            }
            if (!ok) {
                problems.add(names.getSimpleName() + "." + name + " = " + value + " is not in " + file);
            }
            String own =
                    Files.readString(Path.of("src/main/java", names.getName().replace('.', '/') + ".java"));
            boolean used = countUses(mainCode, names.getSimpleName() + "." + name)
                            + countUses(allTestCode(), names.getSimpleName() + "." + name)
                            + countUses(own, name)
                            - 1 // its declaration
                    > 0;
            if (!used && !name.startsWith("PROCESS_")) {
                problems.add(names.getSimpleName() + "." + name + " is used nowhere: a dead name");
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Form values are read through the contract's names, never by a literal field name. */
    @Test
    void theCodeReadsFormValuesByTheirNames() throws IOException {
        Pattern literal = Pattern.compile(
                "\\.(?:text|value)\\(\"[A-Za-z]+\"\\)|values\\.get\\(\"[A-Za-z]+\"\\)|getVariable\\(\"[A-Za-z]+\"\\)");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(file.getFileName() + ": " + m.group());
                }
            }
        }
        assertThat(found).isEmpty();
    }

    static String allMainCode() throws IOException {
        return code(Path.of("src/main/java"));
    }

    static String allTestCode() throws IOException {
        return code(Path.of("src/test/java"));
    }

    private static String code(Path root) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(file)).append('\n');
            }
        }
        return all.toString();
    }

    private static int countUses(String code, String reference) {
        int count = 0;
        for (int i = code.indexOf(reference); i >= 0; i = code.indexOf(reference, i + 1)) {
            char next = i + reference.length() < code.length() ? code.charAt(i + reference.length()) : ' ';
            if (!Character.isJavaIdentifierPart(next)) {
                count++;
            }
        }
        return count;
    }
}
