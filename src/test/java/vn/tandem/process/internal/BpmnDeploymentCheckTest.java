package vn.tandem.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.tandem.process.BpmnCheck;

/**
 * What the deployment check refuses, judged on what the engine's own parser reads (a plain engine with Tandem's
 * plugin), and that Tandem's own processes pass it.
 */
class BpmnDeploymentCheckTest {

    static ProcessEngine engine;

    @BeforeAll
    static void start() {
        engine = TestEngine.plain("deployment-check-test").buildProcessEngine();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static String bpmn(String processAttrs, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                    xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_1" targetNamespace="t">
                  <bpmn:process id="test-process" name="Thử nghiệm" isExecutable="true" %s>
                    <bpmn:startEvent id="StartEvent_1" name="Bắt đầu" />
                    %s
                  </bpmn:process>
                  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
                    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="test-process">
                      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
                        <dc:Bounds x="100" y="100" width="36" height="36" />
                      </bpmndi:BPMNShape>
                    </bpmndi:BPMNPlane>
                  </bpmndi:BPMNDiagram>
                </bpmn:definitions>
                """.formatted(processAttrs, body);
    }

    static BpmnCheck check(String xml) {
        return check("test.bpmn", xml.getBytes(StandardCharsets.UTF_8));
    }

    static BpmnCheck check(String name, byte[] xml) {
        return BpmnDeploymentGuard.check(
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration(), name, xml);
    }

    static final String TTL = "camunda:historyTimeToLive=\"3650\"";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "case-handling.bpmn",
                "incident-handling.bpmn",
                "information-request.bpmn",
                "situation-report.bpmn",
                "sla-escalation.bpmn"
            })
    void tandemsOwnProcessesPass(String file) throws Exception {
        assertThat(check(file, Files.readAllBytes(Path.of("bpmn", file))).problems())
                .isEmpty();
    }

    @Test
    void aMinimalValidProcessPasses() {
        assertThat(check(bpmn(TTL, """
                <bpmn:userTask id="Task_1" name="Xử lý" camunda:candidateGroups="congan-officer, ${leadOfficers}"
                    camunda:dueDate="${dueDate}">
                  <bpmn:extensionElements><camunda:properties><camunda:property name="legalStep" value="VERIFY" />
                  </camunda:properties><camunda:formData>
                    <camunda:formField id="note" label="Ghi chú" type="string">
                      <camunda:validation><camunda:constraint name="maxlength" config="100" /></camunda:validation>
                    </camunda:formField>
                  </camunda:formData></bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_1">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${decision == 'ACCEPT' &amp;&amp; n &lt; 3 || !empty note}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:serviceTask id="Task_2" name="Ghi nhận" camunda:delegateExpression="${caseLifecycleDelegate}" />
                <bpmn:intermediateCatchEvent id="Event_1" name="Chờ"><bpmn:timerEventDefinition id="T_1">
                  <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${slaTimers.breach(execution)}</bpmn:timeDate>
                </bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
                """)).problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "script task|<bpmn:scriptTask id=\"Task_S\" name=\"s\" scriptFormat=\"groovy\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>|Task_S|bpmn.scriptTask",
                "camunda:class|<bpmn:serviceTask id=\"Task_C\" name=\"c\" camunda:class=\"java.lang.Runtime\" />|Task_C|bpmn.attribute",
                "camunda:expression|<bpmn:serviceTask id=\"Task_E\" name=\"e\" camunda:expression=\"${x}\" />|Task_E|bpmn.expressionTask",
                "delegate not allowed|<bpmn:serviceTask id=\"Task_D\" name=\"d\" camunda:delegateExpression=\"${workflow}\" />|Task_D|bpmn.delegate",
                "reflection|<bpmn:userTask id=\"Task_R\" name=\"r\" camunda:assignee=\"${''.getClass().forName('java.lang.Runtime')}\" />|Task_R|bpmn.expression.method",
                "method on a variable|<bpmn:userTask id=\"Task_V\" name=\"v\" camunda:candidateGroups=\"${execution.getProcessEngineServices()}\" />|Task_V|bpmn.expression.method",
                "property|<bpmn:userTask id=\"Task_P\" name=\"p\" camunda:assignee=\"${execution.processEngine}\" />|Task_P|bpmn.expression.property",
                "indexing|<bpmn:userTask id=\"Task_I\" name=\"i\" camunda:assignee=\"${execution['processEngine']}\" />|Task_I|bpmn.expression.indexing",
                "function call|<bpmn:userTask id=\"Task_F\" name=\"f\" camunda:assignee=\"${now()}\" />|Task_F|bpmn.expression.function",
                "split by a comment|<bpmn:userTask id=\"Task_M\" name=\"m\"><bpmn:documentation>$<!-- x -->{''.getClass()}</bpmn:documentation></bpmn:userTask>|Task_M|bpmn.expression.method",
                "character reference|<bpmn:userTask id=\"Task_N\" name=\"&#36;{''.getClass()}\" />|Task_N|bpmn.expression.method",
                "script listener|<bpmn:userTask id=\"Task_L\" name=\"l\"><bpmn:extensionElements><camunda:taskListener event=\"create\"><camunda:script scriptFormat=\"javascript\">1</camunda:script></camunda:taskListener></bpmn:extensionElements></bpmn:userTask>|Task_L|bpmn.script",
                "class listener|<bpmn:userTask id=\"Task_K\" name=\"k\"><bpmn:extensionElements><camunda:executionListener event=\"start\" class=\"x.Y\" /></bpmn:extensionElements></bpmn:userTask>|Task_K|bpmn.listenerClass",
                "script condition|<bpmn:sequenceFlow id=\"Flow_S\" sourceRef=\"StartEvent_1\" targetRef=\"StartEvent_1\"><bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"groovy\">true</bpmn:conditionExpression></bpmn:sequenceFlow>|Flow_S|bpmn.scriptLanguage",
                "camunda:resource|<bpmn:serviceTask id=\"Task_X\" name=\"x\" camunda:resource=\"deployment://x.groovy\" />|Task_X|bpmn.attribute",
                "form handler class|<bpmn:userTask id=\"Task_H\" name=\"h\" camunda:formHandlerClass=\"javax.swing.JFrame\" />|Task_H|bpmn.attribute",
                "form validator class|<bpmn:userTask id=\"Task_W\" name=\"w\"><bpmn:extensionElements><camunda:formData><camunda:formField id=\"f\" label=\"F\" type=\"string\"><camunda:validation><camunda:constraint name=\"validator\" config=\"java.lang.Object\" /></camunda:validation></camunda:formField></camunda:formData></bpmn:extensionElements></bpmn:userTask>|Task_W|bpmn.constraint",
                "connector|<bpmn:serviceTask id=\"Task_O\" name=\"h\"><bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask>|Task_O|bpmn.connector",
                "activiti namespace|<bpmn:serviceTask id=\"Task_A\" name=\"a\" xmlns:activiti=\"http://activiti.org/bpmn\" activiti:class=\"java.lang.Object\" />|Task_A|bpmn.namespace",
                "unknown group|<bpmn:userTask id=\"Task_G\" name=\"g\" camunda:candidateGroups=\"hacker-officer\" />|Task_G|bpmn.group",
                "form key without template|<bpmn:userTask id=\"Task_T\" name=\"t\" camunda:formKey=\"tandem:nothing\" />|Task_T|bpmn.formKeyTemplateNoFields",
                "embedded form|<bpmn:userTask id=\"Task_U\" name=\"u\" camunda:formKey=\"embedded:app:forms/x.html\" />|Task_U|bpmn.formKeyScheme",
                "unknown legal step|<bpmn:userTask id=\"Task_Q\" name=\"q\"><bpmn:extensionElements><camunda:properties><camunda:property name=\"legalStep\" value=\"PATROL\" /></camunda:properties></bpmn:extensionElements></bpmn:userTask>|Task_Q|bpmn.legalStep",
                "a window is not a step|<bpmn:userTask id=\"Task_W2\" name=\"w\"><bpmn:extensionElements><camunda:properties><camunda:property name=\"legalStep\" value=\"FILING_WINDOW\" /></camunda:properties></bpmn:extensionElements></bpmn:userTask>|Task_W2|bpmn.legalStep",
                "legal step in lower case|<bpmn:userTask id=\"Task_W3\" name=\"w\"><bpmn:extensionElements><camunda:properties><camunda:property name=\"legalStep\" value=\"resolve\" /></camunda:properties></bpmn:extensionElements></bpmn:userTask>|Task_W3|bpmn.legalStep",
            })
    void refuses(String what, String element, String elementId, String code) {
        BpmnCheck result = check(bpmn(TTL, element));
        assertThat(result.valid()).as(what).isFalse();
        assertThat(result.problems()).as(what).anySatisfy(p -> {
            assertThat(p.elementId()).isEqualTo(elementId);
            assertThat(p.code()).isEqualTo(code);
            assertThat(p.line()).isGreaterThan(1);
        });
    }

    @Test
    void requiresHistoryTimeToLiveAndANameAndADiagram() {
        assertThat(check(bpmn("", "")).problems())
                .extracting(BpmnCheck.Problem::code)
                .contains("bpmn.ttl");
        assertThat(check(bpmn(TTL, "").replace("name=\"Thử nghiệm\" ", "")).problems())
                .extracting(BpmnCheck.Problem::code)
                .contains("bpmn.processName");
        assertThat(check(bpmn(TTL, "").replaceAll("(?s)<bpmndi:BPMNDiagram.*</bpmndi:BPMNDiagram>", ""))
                        .problems())
                .extracting(BpmnCheck.Problem::code)
                .contains("bpmn.noDiagram");
        assertThat(check(bpmn(TTL, "").replace("bpmnElement=\"StartEvent_1\"", "bpmnElement=\"StartEvent_9\""))
                        .problems())
                .anySatisfy(p -> assertThat(p.message()).contains("missing element StartEvent_9"));
        assertThat(check(bpmn(TTL, "")
                                .replace(
                                        "<bpmn:process ",
                                        "<bpmn:collaboration id=\"C1\" />"
                                                + "<bpmn:collaboration id=\"C2\" /><bpmn:process "))
                        .problems())
                .extracting(BpmnCheck.Problem::code)
                .contains("bpmn.collaborations");
        assertThat(check(bpmn(TTL, "")
                                .replace(
                                        "<bpmn:process ",
                                        "<bpmn:import importType=\"x\" location=\"x.xsd\" "
                                                + "namespace=\"x\" /><bpmn:process "))
                        .problems())
                .extracting(BpmnCheck.Problem::code)
                .contains("bpmn.import");
    }

    @Test
    void externalEntitiesAndBillionLaughsAreRefusedWithinASecond() throws Exception {
        for (String file : List.of("90-doctype-xxe.bpmn", "91-billion-laughs.bpmn")) {
            byte[] xml =
                    getClass().getResourceAsStream("/security/bpmn/" + file).readAllBytes();
            long start = System.nanoTime();
            BpmnCheck result = check("x.bpmn", xml);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(result.problems()).singleElement().satisfies(p -> {
                assertThat(p.code()).isEqualTo("bpmn.malformed");
                assertThat(p.message()).contains("DOCTYPE");
            });
        }
        assertThat(check("<bpmn:definitions").problems())
                .singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo("bpmn.malformed"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "probe.xbpmn",
                "probe.BPMN",
                "probe.bpmn20.xml",
                "probe.dmn",
                "probe.cmmn",
                "probe.form",
                "probe.js",
                ".bpmn",
                "a\\b.bpmn"
            })
    void onlyBpmnFilesMayBeDeployed(String name) {
        assertThat(check(name, bpmn(TTL, "").getBytes(StandardCharsets.UTF_8)).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.code()).isEqualTo("bpmn.resourceName"));
    }

    @Test
    void expressionGrammarIsJudgedOnJuelsOwnSyntaxTree() {
        assertThat(ExpressionPolicy.check("${a == 'x' && b != 3 || !(c > 2) ? d : e}"))
                .isNull();
        assertThat(ExpressionPolicy.check("${slaTimers.warning(execution)}")).isNull();
        assertThat(ExpressionPolicy.check("${x == '}' and y}")).isNull();
        assertThat(ExpressionPolicy.check("plain text with } and { but no expression"))
                .isNull();
        assertThat(ExpressionPolicy.check("${slaTimers.warning(execution).time}")
                        .code())
                .isEqualTo("bpmn.expression.property");
        assertThat(ExpressionPolicy.check("${slaTimers.warning(x.getClass())}").code())
                .isEqualTo("bpmn.expression.method");
        assertThat(ExpressionPolicy.check("${slaTimers.getClass()}").code()).isEqualTo("bpmn.expression.method");
        assertThat(ExpressionPolicy.check("${x.y}").code()).isEqualTo("bpmn.expression.property");
        assertThat(ExpressionPolicy.check("${T(java.lang.Runtime)}").code()).isEqualTo("bpmn.expression.function");
        assertThat(ExpressionPolicy.check("${x ==}").code()).isEqualTo("bpmn.expression.syntax");
        assertThat(ExpressionPolicy.check("text ${a} and ${b.c()}").code()).isEqualTo("bpmn.expression.method");
    }
}
