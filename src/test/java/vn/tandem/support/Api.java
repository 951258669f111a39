package vn.tandem.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls the API over HTTP as a demo user (HTTP Basic, password {@code demo}). */
public class Api {

    public static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    private final TestRestTemplate rest;

    public Api(TestRestTemplate rest, String user) {
        this.rest = rest.withBasicAuth(user, "demo");
    }

    /** A GET; the path is a URI template ({@code {q}} filled from {@code variables}, everything encoded once). */
    public ResponseEntity<Map<String, Object>> get(String path, Object... variables) {
        return rest.exchange(path, HttpMethod.GET, null, JSON, variables);
    }

    public ResponseEntity<Map<String, Object>> post(String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
    }

    public ResponseEntity<Map<String, Object>> post(String path, Object body, HttpHeaders headers) {
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
    }

    public ResponseEntity<Map<String, Object>> put(String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), JSON);
    }

    public int delete(String path) {
        return rest.exchange(path, HttpMethod.DELETE, null, String.class)
                .getStatusCode()
                .value();
    }

    /**
     * Creates a case led by the user's agency in the given unit and returns its code. Each case has its own
     * petitioner (a fresh ID number and phone), so the duplicate check at intake links nothing between tests.
     */
    public String createCase(long unitId, String type, String title) {
        return createCase(unitId, type, title, freshPhone());
    }

    private static final java.util.concurrent.atomic.AtomicLong PEOPLE =
            new java.util.concurrent.atomic.AtomicLong(System.nanoTime() % 10_000_000L);

    /** A phone number no other test case has. */
    public static String freshPhone() {
        return "09%08d".formatted(PEOPLE.incrementAndGet() % 100_000_000L);
    }

    /** Creates a case whose petitioner gave this phone number (and a fresh ID number). */
    public String createCase(long unitId, String type, String title, String phone) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("channel", "RECEPTION");
        body.put("title", title);
        body.put("description", "Nội dung vụ việc phục vụ kiểm thử tự động.");
        body.put("unitId", unitId);
        body.put("crowdSize", 2);
        body.put(
                "petitioners",
                List.of(Map.of(
                        "fullName",
                        "Nguyễn Văn A",
                        "idNumber",
                        "%012d".formatted(PEOPLE.incrementAndGet()),
                        "phone",
                        phone,
                        "address",
                        "Xã Yên Sơn")));
        if ("INCIDENT".equals(type)) {
            // an incident says when it happened (before any day the tests set the clock to) and how it was seen
            body.put("occurredAt", "2025-01-02T08:30:00");
            body.put("detectedBy", "POLICE_REPORT");
        }
        var response = post("/api/cases", body);
        if (response.getStatusCode().value() != 201) {
            throw new IllegalStateException("Case not created: " + response);
        }
        return (String) response.getBody().get("code");
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> items(ResponseEntity<Map<String, Object>> response) {
        return (List<Map<String, Object>>) response.getBody().get("items");
    }

    /** A JSON array answer ({@code GET path}). */
    public List<Map<String, Object>> list(String path) {
        return rest.exchange(path, HttpMethod.GET, null, new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .getBody();
    }

    /** The open task with this key on the case (from the case detail), or null. */
    @SuppressWarnings("unchecked")
    public String taskId(String caseCode, String key) {
        var tasks = (List<Map<String, Object>>)
                get("/api/cases/" + caseCode).getBody().get("currentTasks");
        return tasks.stream()
                .filter(t -> key.equals(t.get("key")))
                .map(t -> (String) t.get("id"))
                .findFirst()
                .orElse(null);
    }

    /** The case's legal deadlines ({@code GET /api/cases/{code}/deadlines}). */
    public List<Map<String, Object>> deadlines(String caseCode) {
        return rest.exchange(
                        "/api/cases/" + caseCode + "/deadlines",
                        HttpMethod.GET,
                        null,
                        new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .getBody();
    }

    /** The case's deadline of one legal step. */
    public Map<String, Object> deadline(String caseCode, String step) {
        List<Map<String, Object>> all = deadlines(caseCode);
        return all.stream()
                .filter(d -> step.equals(d.get("step")))
                .findFirst()
                .orElseThrow(() -> new AssertionError(step + " is not among the deadlines " + all));
    }

    /** The due date (ISO instant) of the case's open task with this key. */
    @SuppressWarnings("unchecked")
    public String due(String caseCode, String key) {
        var tasks = (List<Map<String, Object>>)
                get("/api/cases/" + caseCode).getBody().get("currentTasks");
        return tasks.stream()
                .filter(t -> key.equals(t.get("key")))
                .map(t -> (String) t.get("due"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no open task " + key));
    }

    /** The open task with this key given to this candidate group (one agency's instance of a multi-instance step). */
    @SuppressWarnings("unchecked")
    public String taskId(String caseCode, String key, String group) {
        var tasks = (List<Map<String, Object>>)
                get("/api/cases/" + caseCode).getBody().get("currentTasks");
        return tasks.stream()
                .filter(t -> key.equals(t.get("key")))
                .filter(t -> ((List<String>) t.get("candidateGroups")).contains(group))
                .map(t -> (String) t.get("id"))
                .findFirst()
                .orElse(null);
    }

    public int complete(String taskId, Map<String, ?> values) {
        return post("/api/tasks/" + taskId + "/complete", values)
                .getStatusCode()
                .value();
    }
}
