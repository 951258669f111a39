package vn.tandem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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
}
