package vn.tandem.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.tandem.process.BpmnCheck;

/** What the deployment guard refuses, and that Tandem's own processes pass it. */
class BpmnValidatorTest {

    final BpmnValidator validator = new BpmnValidator(g -> g.matches("(danvan|congan)-(officer|supervisor)"),
            name -> java.util.Set.of("accept", "hotspot").contains(name));

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

    BpmnCheck check(String xml) {
        return validator.check("test.bpmn", xml.getBytes(StandardCharsets.UTF_8));
    }

    static final String TTL = "camunda:historyTimeToLive=\"3650\"";

    @ParameterizedTest
    @ValueSource(strings = {"case-handling.bpmn", "information-request.bpmn", "sla-escalation.bpmn"})
    void tandemsOwnProcessesPass(String file) throws Exception {
        BpmnCheck result = new BpmnDeploymentGuard(new org.springframework.beans.factory.support
                .StaticListableBeanFactory().getBeanProvider(vn.tandem.identity.Directory.class))
                .check(file, Files.readAllBytes(Path.of("bpmn", file)));
        assertThat(result.problems()).isEmpty();
    }

    @Test
    void aMinimalValidProcessPasses() {
        assertThat(check(bpmn(TTL, """
                <bpmn:userTask id="Task_1" name="Xử lý" camunda:candidateGroups="congan-officer, ${leadOfficers}"
                    camunda:dueDate="${dueDate}">
                  <bpmn:extensionElements><camunda:formData>
                    <camunda:formField id="note" label="Ghi chú" type="string" />
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
    @CsvSource(delimiter = '|', value = {
        "script task|<bpmn:scriptTask id=\"Task_S\" name=\"s\" scriptFormat=\"groovy\"><bpmn:script>1</bpmn:script></bpmn:scriptTask>|Task_S",
        "camunda:class|<bpmn:serviceTask id=\"Task_C\" name=\"c\" camunda:class=\"java.lang.Runtime\" />|Task_C",
        "camunda:expression|<bpmn:serviceTask id=\"Task_E\" name=\"e\" camunda:expression=\"${x}\" />|Task_E",
        "delegate not allowed|<bpmn:serviceTask id=\"Task_D\" name=\"d\" camunda:delegateExpression=\"${workflow}\" />|Task_D",
        "reflection|<bpmn:userTask id=\"Task_R\" name=\"r\" camunda:assignee=\"${''.getClass().forName('java.lang.Runtime').getMethod('exec', ''.getClass()).invoke(null, 'id')}\" />|Task_R",
        "method on a variable|<bpmn:userTask id=\"Task_V\" name=\"v\" camunda:candidateGroups=\"${execution.getProcessEngineServices()}\" />|Task_V",
        "indexing|<bpmn:userTask id=\"Task_I\" name=\"i\" camunda:assignee=\"${applicationContext['workflow']}\" />|Task_I",
        "function call|<bpmn:userTask id=\"Task_F\" name=\"f\" camunda:assignee=\"${fn:toUpperCase(x)}\" />|Task_F",
        "script listener|<bpmn:userTask id=\"Task_L\" name=\"l\"><bpmn:extensionElements><camunda:taskListener event=\"create\"><camunda:script scriptFormat=\"javascript\">1</camunda:script></camunda:taskListener></bpmn:extensionElements></bpmn:userTask>|Task_L",
        "class listener|<bpmn:userTask id=\"Task_K\" name=\"k\"><bpmn:extensionElements><camunda:executionListener event=\"start\" class=\"x.Y\" /></bpmn:extensionElements></bpmn:userTask>|Task_K",
        "script condition|<bpmn:sequenceFlow id=\"Flow_S\" sourceRef=\"StartEvent_1\" targetRef=\"StartEvent_1\"><bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"groovy\">true</bpmn:conditionExpression></bpmn:sequenceFlow>|Flow_S",
        "camunda:resource|<bpmn:serviceTask id=\"Task_X\" name=\"x\" camunda:resource=\"deployment://x.groovy\" />|Task_X",
        "connector|<bpmn:serviceTask id=\"Task_H\" name=\"h\"><bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask>|Task_H",
        "unknown group|<bpmn:userTask id=\"Task_G\" name=\"g\" camunda:candidateGroups=\"hacker-officer\" />|Task_G",
        "form key without template|<bpmn:userTask id=\"Task_T\" name=\"t\" camunda:formKey=\"tandem:nothing\" />|Task_T",
        "embedded form|<bpmn:userTask id=\"Task_U\" name=\"u\" camunda:formKey=\"embedded:app:forms/x.html\" />|Task_U",
    })
    void refuses(String what, String element, String elementId) {
        BpmnCheck result = check(bpmn(TTL, element));
        assertThat(result.valid()).as(what).isFalse();
        assertThat(result.problems()).as(what).anySatisfy(p -> {
            assertThat(p.elementId()).isEqualTo(elementId);
            assertThat(p.line()).isGreaterThan(1);
        });
    }

    @Test
    void requiresHistoryTimeToLiveAndANameAndADiagram() {
        BpmnCheck noTtl = check(bpmn("", ""));
        assertThat(noTtl.problems()).extracting(BpmnCheck.Problem::message)
                .anyMatch(m -> m.contains("historyTimeToLive"));
        String noName = bpmn(TTL, "").replace("name=\"Thử nghiệm\" ", "");
        assertThat(check(noName).problems()).extracting(BpmnCheck.Problem::message)
                .anyMatch(m -> m.contains("needs a name"));
        String noDiagram = bpmn(TTL, "").replaceAll("(?s)<bpmndi:BPMNDiagram.*</bpmndi:BPMNDiagram>", "");
        assertThat(check(noDiagram).problems()).extracting(BpmnCheck.Problem::message)
                .anyMatch(m -> m.contains("no diagram"));
        String dangling = bpmn(TTL, "").replace("bpmnElement=\"StartEvent_1\"", "bpmnElement=\"StartEvent_9\"");
        assertThat(check(dangling).problems()).extracting(BpmnCheck.Problem::message)
                .anyMatch(m -> m.contains("missing element StartEvent_9"));
        String twoCollaborations = bpmn(TTL, "").replace("<bpmn:process ",
                "<bpmn:collaboration id=\"C1\" /><bpmn:collaboration id=\"C2\" /><bpmn:process ");
        assertThat(check(twoCollaborations).problems()).extracting(BpmnCheck.Problem::message)
                .anyMatch(m -> m.contains("Several collaborations"));
        String imported = bpmn(TTL, "").replace("<bpmn:process ",
                "<bpmn:import importType=\"http://www.w3.org/2001/XMLSchema\" location=\"x.xsd\" namespace=\"x\" />"
                        + "<bpmn:process ");
        assertThat(check(imported).problems()).extracting(BpmnCheck.Problem::message)
                .anyMatch(m -> m.contains("Imports"));
    }

    @Test
    void externalEntitiesAndBillionLaughsAreRefusedWithinASecond() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
                + "<!ENTITY lol9 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>"
                + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">&lol9;</bpmn:definitions>";
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">&x;</bpmn:definitions>";
        for (String xml : java.util.List.of(laughs, xxe)) {
            long start = System.nanoTime();
            BpmnCheck result = check(xml);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(result.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("DOCTYPE"));
        }
        assertThat(check("<bpmn:definitions").problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("Not well-formed"));
    }

    @Test
    void expressionGrammar() {
        assertThat(BpmnValidator.disallowed("a == 'x' && b != 3 || !(c > 2) ? d : e")).isNull();
        assertThat(BpmnValidator.disallowed("slaTimers.warning(execution)")).isNull();
        assertThat(BpmnValidator.disallowed("slaTimers.warning(execution).time")).isNotNull();
        assertThat(BpmnValidator.disallowed("slaTimers.getClass()")).isNotNull();
        assertThat(BpmnValidator.disallowed("x.y")).isNotNull();
        assertThat(BpmnValidator.disallowed("T(java.lang.Runtime)")).isNotNull();
    }
}
