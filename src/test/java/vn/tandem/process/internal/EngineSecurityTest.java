package vn.tandem.process.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.tandem.process.BpmnCheck;
import vn.tandem.support.SecurityPayloads;
import vn.tandem.support.SecurityPayloads.BpmnPayload;

/**
 * The security regression payloads straight against the engine, past every front door: each BPMN payload deployed
 * with the engine's own API is refused by the engine's parse (with the element in the report) and leaves no trace;
 * each refused resource name is refused; each EL injection payload evaluated by the engine's expression manager
 * inside a running case is refused by the sandbox and leaves no trace.
 */
class EngineSecurityTest {

    static ProcessEngine engine;
    static ProcessEngineConfigurationImpl configuration;

    @BeforeAll
    static void start() {
        engine = TestEngine.plain("engine-security-test").buildProcessEngine();
        configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @AfterEach
    void noTrace() {
        assertThat(SecurityPayloads.canaryTouched()).as("a payload ran").isFalse();
        assertThat(engine.getRepositoryService()
                        .createProcessDefinitionQuery()
                        .processDefinitionKeyLike("payload%")
                        .count())
                .isZero();
    }

    static List<BpmnPayload> bpmnPayloads() {
        return SecurityPayloads.bpmn();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bpmnPayloads")
    void everyBpmnPayloadIsRefusedByTheEnginesOwnParse(BpmnPayload payload) {
        assertThatThrownBy(() -> engine.getRepositoryService()
                        .createDeployment()
                        .name("attack")
                        .addInputStream("attack.bpmn", new ByteArrayInputStream(payload.xml()))
                        .deploy())
                .isInstanceOf(ParseException.class)
                .satisfies(e -> {
                    var errors = ((ParseException) e).getResorceReports().get(0).getErrors();
                    assertThat(errors).isNotEmpty();
                    if (payload.expectedElement() != null) {
                        assertThat(errors).anySatisfy(p -> {
                            assertThat(p.getMainElementId()).isEqualTo(payload.expectedElement());
                            assertThat(p.getLine()).isPositive();
                        });
                    }
                });
        BpmnCheck check = BpmnDeploymentGuard.check(configuration, "attack.bpmn", payload.xml());
        assertThat(check.valid()).as("the designer's check").isFalse();
        if (payload.expectedElement() != null) {
            assertThat(check.problems()).anySatisfy(p -> {
                assertThat(p.elementId()).isEqualTo(payload.expectedElement());
                assertThat(p.code()).isNotNull();
            });
        }
    }

    static List<String> refusedNames() {
        return SecurityPayloads.refusedResourceNames();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedNames")
    void everyResourceThatIsNotABpmnFileIsRefused(String name) {
        assertThatThrownBy(() -> engine.getRepositoryService()
                        .createDeployment()
                        .name("attack")
                        .addInputStream(name, new ByteArrayInputStream(SecurityPayloads.validProcess()))
                        .deploy())
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("Only BPMN files named *.bpmn");
        assertThat(engine.getRepositoryService()
                        .createDeploymentQuery()
                        .deploymentName("attack")
                        .count())
                .isZero();
    }

    static List<String> elPayloads() {
        return SecurityPayloads.elPayloads();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elPayloads")
    void everyExpressionPayloadIsRefusedWhenTheEngineEvaluatesIt(String payload) {
        var repository = engine.getRepositoryService();
        if (repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("sandbox-probe")
                        .count()
                == 0) {
            repository
                    .createDeployment()
                    .addInputStream("sandbox-probe.bpmn", new ByteArrayInputStream(probe()))
                    .deploy();
        }
        ProcessInstance instance = engine.getRuntimeService()
                .startProcessInstanceByKey(
                        "sandbox-probe", Map.of("leadOfficers", "officer.congan,officer.danvan", "x", "text"));
        Task task = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .singleResult();
        ExpressionManager expressions = configuration.getExpressionManager();
        for (VariableScope scope : List.<VariableScope>of(
                configuration
                        .getCommandExecutorTxRequired()
                        .execute(c -> c.getExecutionManager().findExecutionById(instance.getId())),
                configuration
                        .getCommandExecutorTxRequired()
                        .execute(c -> c.getTaskManager().findTaskById(task.getId())))) {
            assertThatThrownBy(() -> configuration
                            .getCommandExecutorTxRequired()
                            .execute(c -> {
                                VariableScope fresh = scope instanceof ExecutionEntity e
                                        ? c.getExecutionManager().findExecutionById(e.getId())
                                        : c.getTaskManager().findTaskById(((TaskEntity) scope).getId());
                                return expressions.createExpression(payload).getValue(fresh);
                            }))
                    .as(payload)
                    .isInstanceOf(RuntimeException.class)
                    .satisfies(e -> assertThat(messages(e))
                            .containsAnyOf(
                                    "is not allowed in Tandem expressions",
                                    "Cannot resolve identifier",
                                    "syntax error"));
        }
        assertThat(engine.getRuntimeService().getVariables(instance.getId())).doesNotContainKey("tandem_pwned");
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(task.getId())
                        .singleResult()
                        .getAssignee())
                .isNull();
        engine.getRuntimeService().deleteProcessInstance(instance.getId(), "done");
    }

    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null && all.length() < 10_000; t = t.getCause() == t ? null : t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    /** A user task to stand in while payloads are evaluated. */
    static byte[] probe() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                    xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="t">
                  <bpmn:process id="sandbox-probe" name="Probe" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="Start" />
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="Task_Wait" />
                    <bpmn:userTask id="Task_Wait" name="Wait" camunda:candidateGroups="congan-officer" />
                  </bpmn:process>
                  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
                    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="sandbox-probe">
                      <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="1" y="1" width="36" height="36" /></bpmndi:BPMNShape>
                    </bpmndi:BPMNPlane>
                  </bpmndi:BPMNDiagram>
                </bpmn:definitions>
                """.getBytes(StandardCharsets.UTF_8);
    }
}
