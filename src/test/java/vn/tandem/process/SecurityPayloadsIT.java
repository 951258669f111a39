package vn.tandem.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.context.WebApplicationContext;
import vn.tandem.identity.Directory;
import vn.tandem.support.SecurityPayloads;
import vn.tandem.support.SecurityPayloads.BpmnPayload;
import vn.tandem.support.TandemIntegrationTest;

/**
 * Every security payload through both front doors: the engine REST API as Camunda Modeler deploys (400 with
 * Camunda's {@code {type, message}} and the element in the details) and the designer pages (400 with the report).
 * None leaves a trace. ({@code EngineSecurityTest} sends them straight into the engine.)
 */
@TandemIntegrationTest
class SecurityPayloadsIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    WebApplicationContext context;

    @Autowired
    Directory directory;

    @Autowired
    RepositoryService repository;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    @AfterEach
    void noTrace() {
        assertThat(SecurityPayloads.canaryTouched()).isFalse();
        assertThat(repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKeyLike("payload%")
                        .count())
                .isZero();
    }

    static List<BpmnPayload> payloads() {
        return SecurityPayloads.bpmn();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void refusedOnTheEngineRestApiAndOnTheDesignerPage(BpmnPayload payload) throws Exception {
        ResponseEntity<String> answer = deploy("attack.bpmn", payload.xml());
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
        assertThat(answer.getBody()).contains("\"type\":\"ParseException\"").contains("\"message\"");
        if (payload.expectedElement() != null) {
            assertThat(answer.getBody()).contains("\"mainElementId\":\"" + payload.expectedElement() + "\"");
        }
        String report = mvc.perform(multipart("/designer/deploy")
                        .file(new MockMultipartFile("file", "attack.bpmn", "application/xml", payload.xml()))
                        .with(csrf())
                        .with(user(directory.loadUserByUsername("designer"))))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(report).contains("deploy-refused");
        if (payload.expectedElement() != null) {
            assertThat(report).contains(payload.expectedElement());
        }
    }

    static List<String> names() {
        return SecurityPayloads.refusedResourceNames();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void onlyBpmnFilesAreDeployedThroughTheEngineRestApi(String name) {
        ResponseEntity<String> answer = deploy(name, SecurityPayloads.validProcess());
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody()).contains("Only BPMN files named *.bpmn");
    }

    @Test
    void aTimerThatCannotBeEvaluatedWhileDeployingIsTheDesignersMistakeNotAServerFailure() {
        String xml = new String(SecurityPayloads.validProcess(), StandardCharsets.UTF_8)
                .replace(
                        "<bpmn:outgoing>Flow_1</bpmn:outgoing>\n    </bpmn:startEvent>",
                        "<bpmn:outgoing>Flow_1</bpmn:outgoing><bpmn:timerEventDefinition id=\"Timer_1\">"
                                + "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${notAVariable}</bpmn:timeDate>"
                                + "</bpmn:timerEventDefinition>\n    </bpmn:startEvent>")
                .replace("xmlns:camunda=", "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:camunda=");
        assertThat(xml).contains("notAVariable");
        ResponseEntity<String> answer = deploy("timer.bpmn", xml.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
        assertThat(answer.getBody()).contains("notAVariable");
    }

    ResponseEntity<String> deploy(String fileName, byte[] xml) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "attack");
        parts.add("enable-duplicate-filtering", "true");
        parts.add("data", new ByteArrayResource(xml) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth("designer", "demo")
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class);
    }
}
