package vn.tandem.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.tandem.audit.AuditEntries;
import vn.tandem.audit.AuditEntry;
import vn.tandem.support.Api;
import vn.tandem.support.EngineRestOperations;
import vn.tandem.support.SecurityPayloads;
import vn.tandem.support.TandemIntegrationTest;

/**
 * Writes through the engine REST API: every write operation of Camunda's published REST description is refused to
 * officers (403) and answers designers without a server error and without effect (they may only deploy); nobody
 * deletes case data there (409 with the number of cases); every write is audited in Tandem's trail.
 */
@TandemIntegrationTest
class EngineRestWritesIT {

    /** What a designer may change through the engine API: deployments, nothing else. */
    static final Set<String> DESIGNER_WRITES = Set.of("createDeployment", "redeploy");

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    AuditEntries audit;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyWriteOperationIsRefusedToOfficersAndHarmlessForDesigners() throws Exception {
        List<String> wrong = new ArrayList<>();
        List<EngineRestOperations> writes = EngineRestOperations.all().stream()
                .filter(EngineRestOperations::isWrite)
                .toList();
        for (EngineRestOperations op : writes) {
            int officer = send(op.method(), op.path(), "officer.congan");
            if (officer != 403) {
                wrong.add("officer " + op.method() + " " + op.path() + " -> " + officer);
            }
            int designer = send(op.method(), op.path(), "designer");
            if (designer >= 500 || (designer < 300 && !op.isQuery() && !DESIGNER_WRITES.contains(op.operationId()))) {
                wrong.add("designer " + op.method() + " " + op.path() + " (" + op.operationId() + ") -> " + designer);
            }
        }
        assertThat(writes)
                .as("write operations in camunda-engine-rest-openapi 7.24.0")
                .hasSizeGreaterThan(180);
        assertThat(wrong).isEmpty();
    }

    int send(String method, String uri, String user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest" + uri))
                .header("Content-Type", "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .method(
                        method,
                        method.equals("DELETE")
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void nobodyDeletesCasesThroughTheEngineApiAndAnEmptyDeploymentCanGo() {
        new Api(rest, "officer.congan").createCase(2, "PETITION", "Kiến nghị giữ lại dù có người xóa bản triển khai");
        ProcessDefinition caseHandling = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("case-handling")
                .latestVersion()
                .singleResult();
        String deploymentId = caseHandling.getDeploymentId();
        long running =
                runtime.createProcessInstanceQuery().deploymentId(deploymentId).count();
        assertThat(running).isPositive();
        TestRestTemplate admin = rest.withBasicAuth("admin", "demo");
        for (String path : List.of(
                "/engine-rest/deployment/" + deploymentId + "?cascade=true",
                "/engine-rest/engine/default/deployment/" + deploymentId + "?cascade=true",
                "/engine-rest/deployment/" + deploymentId,
                "/engine-rest/process-definition/" + caseHandling.getId() + "?cascade=true",
                "/engine-rest/process-definition/key/case-handling/delete?cascade=true")) {
            ResponseEntity<String> answer = admin.exchange(path, HttpMethod.DELETE, null, String.class);
            assertThat(answer.getStatusCode().value()).as(path).isEqualTo(409);
            assertThat(answer.getBody()).as(path).contains("case instance(s)").contains("\"type\"");
        }
        String instanceId = runtime.createProcessInstanceQuery()
                .deploymentId(deploymentId)
                .list()
                .get(0)
                .getId();
        assertThat(admin.exchange("/engine-rest/process-instance/" + instanceId, HttpMethod.DELETE, null, String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
        assertThat(admin.exchange(
                                "/engine-rest/history/process-instance/" + instanceId,
                                HttpMethod.DELETE,
                                null,
                                String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
        assertThat(rest.withBasicAuth("designer", "demo")
                        .exchange(
                                "/engine-rest/deployment/" + deploymentId + "?cascade=true",
                                HttpMethod.DELETE,
                                null,
                                String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(runtime.createProcessInstanceQuery()
                        .deploymentId(deploymentId)
                        .count())
                .isEqualTo(running);

        // a deployment without cases may be deleted by an admin there, and that is audited
        String empty = deploy(
                "designer",
                "modeler-writes.bpmn",
                new String(SecurityPayloads.validProcess(), StandardCharsets.UTF_8)
                        .replace("modeler-sample", "modeler-writes"));
        assertThat(admin.exchange("/engine-rest/deployment/" + empty, HttpMethod.DELETE, null, String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(audit.findByActionOrderByIdAsc("ENGINE_WRITE")).anySatisfy(e -> {
            assertThat(e.getActor()).isEqualTo("admin");
            assertThat(e.getEntityId()).isEqualTo(empty);
            assertThat(e.getDetails()).contains("\"operation\":\"Delete\"").contains("Deployment");
        });
    }

    @Test
    void everyWriteThroughTheEngineApiIsAuditedAsTheUserWhoMadeIt() {
        long deployedBefore = audit.findByActionOrderByIdAsc("PROCESS_DEPLOYED").size();
        String deployment = deploy(
                "designer",
                "modeler-audit.bpmn",
                new String(SecurityPayloads.validProcess(), StandardCharsets.UTF_8)
                        .replace("modeler-sample", "modeler-audit"));
        List<AuditEntry> deployed = audit.findByActionOrderByIdAsc("PROCESS_DEPLOYED");
        assertThat(deployed).hasSize((int) deployedBefore + 1);
        assertThat(deployed.get(deployed.size() - 1).getActor()).isEqualTo("designer");
        assertThat(deployed.get(deployed.size() - 1).getEntityId()).isEqualTo(deployment);

        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        String definition = repository
                .createProcessDefinitionQuery()
                .deploymentId(deployment)
                .singleResult()
                .getId();
        ResponseEntity<String> suspended = rest.withBasicAuth("admin", "demo")
                .exchange(
                        "/engine-rest/process-definition/" + definition + "/suspended",
                        HttpMethod.PUT,
                        new HttpEntity<>("{\"suspended\":true}", json),
                        String.class);
        assertThat(suspended.getStatusCode().value()).isEqualTo(204);
        assertThat(audit.findByActionOrderByIdAsc("ENGINE_WRITE")).anySatisfy(e -> {
            assertThat(e.getActor()).isEqualTo("admin");
            assertThat(e.getDetails()).contains("SuspendProcessDefinition").contains("modeler-audit");
        });
        // designers may not suspend
        assertThat(rest.withBasicAuth("designer", "demo")
                        .exchange(
                                "/engine-rest/process-definition/" + definition + "/suspended",
                                HttpMethod.PUT,
                                new HttpEntity<>("{\"suspended\":false}", json),
                                String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
    }

    @Test
    void badInputToTheEngineApiIsA4xx() throws Exception {
        // a Java-serialized object variable is refused as the client's mistake
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey("case-handling").list().stream()
                .findFirst()
                .map(p -> p.getId())
                .orElseGet(() -> {
                    new Api(rest, "officer.congan").createCase(2, "PETITION", "Kiến nghị cho thử biến tuần tự hóa");
                    return runtime.createProcessInstanceQuery()
                            .processDefinitionKey("case-handling")
                            .list()
                            .get(0)
                            .getId();
                });
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        String serialized = "{\"value\":\"rO0ABXQABWhlbGxv\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":"
                + "\"java.lang.String\",\"serializationDataFormat\":\"application/x-java-serialized-object\"}}";
        ResponseEntity<String> answer = rest.withBasicAuth("admin", "demo")
                .exchange(
                        "/engine-rest/process-instance/" + instance + "/variables/probe",
                        HttpMethod.PUT,
                        new HttpEntity<>(serialized, json),
                        String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
        // an anonymous request on a doubled slash is refused, not a server error
        int doubled = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "//engine-rest/task"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
        assertThat(doubled).isBetween(400, 499);
    }

    String deploy(String user, String fileName, String xml) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", fileName);
        parts.add("data", new ByteArrayResource(xml.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<Map> answer = rest.withBasicAuth(user, "demo")
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(parts, headers), Map.class);
        assertThat(answer.getStatusCode().value())
                .as(String.valueOf(answer.getBody()))
                .isEqualTo(200);
        return (String) answer.getBody().get("id");
    }
}
