package vn.tandem.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * The operator's console: a case's failed job and a step's incident are listed with the case, a retry gives the job
 * another try and says what it could not retry, a resolution needs a note and is written on the case, everything is
 * audited, and only administrators see or do any of it (the page refuses with a page, the API with JSON).
 */
@TandemIntegrationTest
class OperationsIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    vn.tandem.casefile.CaseFiles caseFiles;

    @Test
    @SuppressWarnings("unchecked")
    void anOperatorRetriesAFailedJobAndResolvesAnIncidentWithANote() {
        Api officer = new Api(rest, "officer.danvan");
        String code = officer.createCase(1, "COMPLAINT", "Khiếu nại kiểm tra bảng vận hành");
        String caseId = String.valueOf(caseFiles.byCode(code).orElseThrow().getId());
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(caseId)
                .processDefinitionKey(CaseHandling.PROCESS_KEY)
                .singleResult();
        Job job = management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .list()
                .get(0);
        management.setJobRetries(job.getId(), 0);
        String atAcceptance = runtime.createExecutionQuery()
                .processInstanceId(instance.getId())
                .activityId(CaseHandling.TASK_ACCEPT)
                .singleResult()
                .getId();
        runtime.createIncident("stepFailure", atAcceptance, "manual-check", "Không gửi được thư cho công dân");

        Api admin = new Api(rest, "admin");
        List<Map<String, Object>> incidents = admin.list("/api/admin/incidents");
        Map<String, Object> failed = incidents.stream()
                .filter(i -> job.getId().equals(i.get("jobId")))
                .findFirst()
                .orElseThrow();
        Map<String, Object> raised = incidents.stream()
                .filter(i -> "stepFailure".equals(i.get("type")) && code.equals(i.get("caseCode")))
                .findFirst()
                .orElseThrow();
        assertThat(failed.get("caseCode")).isEqualTo(code);
        assertThat(failed.get("processKey")).isEqualTo(CaseHandling.PROCESS_KEY);
        assertThat(admin.get("/api/admin/incidents/" + raised.get("id"))
                        .getBody()
                        .get("message"))
                .isEqualTo("Không gửi được thư cho công dân");

        Map<String, Object> executor = admin.get("/api/admin/job-executor").getBody();
        assertThat(executor).containsKeys("active", "lockOwner", "dueNow", "failed", "incidents");
        String console = rest.withBasicAuth("admin", "demo")
                .exchange("/admin/operations", HttpMethod.GET, html(), String.class)
                .getBody();
        assertThat(console)
                .contains("job-executor")
                .contains("incident-table")
                .contains(code)
                .doesNotContain("error-heading");

        // only administrators
        assertThat(officer.get("/api/admin/incidents/" + raised.get("id"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(officer.post("/api/admin/incidents/retry", Map.of("ids", List.of(failed.get("id"))))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        ResponseEntity<String> page = rest.withBasicAuth("officer.danvan", "demo")
                .exchange("/admin/operations", HttpMethod.GET, html(), String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(403);
        assertThat(page.getHeaders().getContentType().toString()).startsWith("text/html");

        // bad input says what is wrong and changes nothing
        assertThat(admin.post("/api/admin/incidents/retry", Map.of("ids", List.of()))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        var shortNote = admin.post("/api/admin/incidents/" + raised.get("id") + "/resolve", Map.of("note", "xong"));
        assertThat(shortNote.getStatusCode().value()).isEqualTo(400);
        assertThat(shortNote.getBody().toString()).contains("note");
        assertThat(admin.post("/api/admin/incidents/nope/resolve", Map.of("note", "Đã xử lý bằng tay với công dân"))
                        .getStatusCode()
                        .value())
                .isEqualTo(404);

        Map<String, Object> retried = admin.post(
                        "/api/admin/incidents/retry",
                        Map.of("ids", List.of(failed.get("id"), raised.get("id"), "nope")))
                .getBody();
        assertThat((List<String>) retried.get("retried")).containsExactly((String) failed.get("id"));
        assertThat((List<String>) retried.get("notRetriable")).containsExactly((String) raised.get("id"));
        assertThat((List<String>) retried.get("notFound")).containsExactly("nope");
        assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries())
                .isEqualTo(1);
        assertThat(runtime.createIncidentQuery()
                        .incidentId((String) failed.get("id"))
                        .count())
                .isZero();

        var resolved = admin.post(
                "/api/admin/incidents/" + raised.get("id") + "/resolve",
                Map.of("note", "Đã gửi thư bằng đường bưu điện, không cần chạy lại"));
        assertThat(resolved.getStatusCode().value()).isEqualTo(200);
        assertThat(runtime.createIncidentQuery()
                        .incidentId((String) raised.get("id"))
                        .count())
                .isZero();
        String timeline = officer.get("/api/cases/" + code).getBody().toString();
        assertThat(timeline).contains("Đã gửi thư bằng đường bưu điện");
        String audit = admin.get("/api/audit?caseCode=" + code).getBody().toString();
        assertThat(audit).contains("INCIDENT_RETRIED").contains("INCIDENT_RESOLVED");
    }

    static HttpEntity<Void> html() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        return new HttpEntity<>(headers);
    }
}
