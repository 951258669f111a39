package vn.tandem.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.tandem.support.Api;
import vn.tandem.support.EngineRestOperations;
import vn.tandem.support.TandemIntegrationTest;

/**
 * The engine REST API at /engine-rest: every operation of Camunda's published REST description answers an
 * anonymous caller 401; officers get 403; designers deploy exactly as Camunda Modeler does, through the same
 * validation as every other path; expressions in queries are refused.
 */
@TandemIntegrationTest
class EngineRestIT {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyOperationOfTheEngineRestApiAnswersAnAnonymousCaller401() throws Exception {
        List<String> notRefused = new ArrayList<>();
        List<EngineRestOperations> operations = EngineRestOperations.all();
        for (EngineRestOperations op : operations) {
            String method = op.method();
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/engine-rest" + op.path()))
                    .header("Content-Type", "application/json");
            request.method(
                    method,
                    method.equals("GET") || method.equals("DELETE") || method.equals("HEAD")
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString("{}"));
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status != 401) {
                notRefused.add(method + " " + op.path() + " -> " + status);
            }
        }
        assertThat(operations)
                .as("operations in camunda-engine-rest-openapi 7.24.0")
                .hasSizeGreaterThan(300);
        assertThat(notRefused).isEmpty();
        // and with a wrong password
        assertThat(rest.withBasicAuth("designer", "wrong")
                        .getForEntity("/engine-rest/deployment", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }

    @Test
    void onlyDesignersAndAdminsMayUseIt() {
        for (String user : List.of("officer.congan", "supervisor.danvan")) {
            assertThat(rest.withBasicAuth(user, "demo")
                            .getForEntity("/engine-rest/deployment", String.class)
                            .getStatusCode()
                            .value())
                    .as(user)
                    .isEqualTo(403);
            assertThat(rest.withBasicAuth(user, "demo")
                            .getForEntity("/engine-rest/version", String.class)
                            .getStatusCode()
                            .value())
                    .as(user)
                    .isEqualTo(403);
        }
        assertThat(rest.withBasicAuth("designer", "demo")
                        .getForEntity("/engine-rest/version", String.class)
                        .getBody())
                .contains("7.24.0");
        assertThat(rest.withBasicAuth("admin", "demo")
                        .getForEntity("/engine-rest/process-definition/count", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    @Test
    void designersDeployAsCamundaModelerDoesButSeeNoCaseData() throws Exception {
        new Api(rest, "officer.congan").createCase(2, "PETITION", "Kiến nghị kiểm thử API của bộ máy quy trình");
        TestRestTemplate designer = rest.withBasicAuth("designer", "demo");
        assertThat(designer.getForEntity("/engine-rest/deployment?maxResults=0", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(designer.getForEntity("/engine-rest/version", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        String valid = new String(
                getClass()
                        .getResourceAsStream("/bpmn-samples/modeler-valid.bpmn")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        ResponseEntity<String> deployed = deploy(designer, "modeler-valid.bpmn", valid);
        assertThat(deployed.getStatusCode().value()).isEqualTo(200);
        assertThat(deployed.getBody())
                .contains("\"deployedProcessDefinitions\"")
                .contains("modeler-sample");
        // duplicate filtering as the Modeler asks for it: the same file again makes no new version
        assertThat(deploy(designer, "modeler-valid.bpmn", valid).getBody())
                .contains("\"deployedProcessDefinitions\":null");
        // the same validation as every other path: a reflection expression is refused with its element and line
        String unsafe = valid.replace(
                "camunda:candidateGroups=\"congan-officer\"",
                "camunda:candidateGroups=\"congan-officer\" camunda:assignee=\"${''.getClass().forName('java.lang.Runtime')}\"");
        ResponseEntity<String> refused = deploy(designer, "modeler-unsafe.bpmn", unsafe);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody())
                .contains("Task_Review")
                .contains("\"line\"")
                .contains("not allowed");
        String script = valid.replace(
                "<bpmn:userTask id=\"Task_Review\"",
                "<bpmn:scriptTask id=\"Task_Script\" "
                        + "name=\"x\" scriptFormat=\"groovy\"><bpmn:script>'id'.execute()</bpmn:script></bpmn:scriptTask>"
                        + "<bpmn:userTask id=\"Task_Review\"");
        assertThat(deploy(designer, "modeler-script.bpmn", script)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        // designers see no cases: no instances, tasks or variables through the engine either
        assertThat(designer.getForObject("/engine-rest/task/count", String.class))
                .contains("\"count\":0");
        assertThat(designer.getForObject("/engine-rest/process-instance/count", String.class))
                .contains("\"count\":0");
        assertThat(rest.withBasicAuth("admin", "demo").getForObject("/engine-rest/task/count", String.class))
                .doesNotContain("\"count\":0");
    }

    @Test
    void expressionsInQueriesAreRefusedAlsoInsideOrQueries() {
        TestRestTemplate admin = rest.withBasicAuth("admin", "demo");
        assertThat(admin.getForEntity("/engine-rest/task?assigneeExpression={e}", String.class, "${currentUser()}")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"orQueries\":[{\"assigneeExpression\":\"${currentUser()}\"}]}";
        assertThat(admin.postForEntity("/engine-rest/task", new HttpEntity<>(body, headers), String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(admin.postForEntity("/engine-rest/task/count", new HttpEntity<>(body, headers), String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        String filter = "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{\"assigneeExpression\":"
                + "\"${currentUser()}\"}}";
        assertThat(admin.postForEntity("/engine-rest/filter/create", new HttpEntity<>(filter, headers), String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        // a query without expressions still works
        assertThat(admin.postForEntity(
                                "/engine-rest/task/count",
                                new HttpEntity<>("{\"orQueries\":[{\"assignee\":" + "\"admin\"}]}", headers),
                                String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    ResponseEntity<String> deploy(TestRestTemplate client, String fileName, String xml) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "modeler-sample");
        parts.add("deployment-source", "Camunda Modeler");
        parts.add("enable-duplicate-filtering", "true");
        parts.add("data", new ByteArrayResource(xml.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return client.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), String.class);
    }
}
