package vn.tandem.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * The program registry from outside: supervisors record campaigns, drives and models for their agency's units,
 * officers read and search them (without diacritics too), designers see none; bad input is refused field by field,
 * a change made meanwhile answers 409, and every change is audited with what changed.
 */
@TandemIntegrationTest
class ProgramIT {

    static final long DV_MINHXUAN = 3;
    static final long CA_MINHXUAN = 4;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    static Map<String, Object> model(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("unitId", DV_MINHXUAN);
        body.put("field", "SECURITY_ORDER");
        body.put("startDate", "2026-03-01");
        body.put("status", "ACTIVE");
        body.put("description", "Tổ tự quản gồm trưởng thôn, công an viên và hội viên các đoàn thể.");
        body.put("results", "Hòa giải thành 12 vụ tranh chấp trong năm.");
        body.put("unitIds", List.of(DV_MINHXUAN, CA_MINHXUAN));
        return body;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSupervisorRecordsAModelOfficersFindItWithoutDiacriticsAndEveryChangeIsAudited() {
        Api supervisor = new Api(rest, "supervisor.danvan.minhxuan");
        String code = supervisor.createCase(DV_MINHXUAN, "PETITION", "Kiến nghị về tổ tự quản");
        Map<String, Object> body = model("Tổ hòa giải kiểu mẫu khu phố Đồng Bùa");
        body.put("caseCodes", List.of(code));
        var created = supervisor.post("/api/models", body);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        Map<String, Object> item = created.getBody();
        assertThat(item)
                .containsEntry("kind", "MODEL")
                .containsEntry("agency", "DANVAN")
                .containsEntry("field", "SECURITY_ORDER")
                .containsEntry("caseCodes", List.of(code));
        Object id = item.get("id");

        // officers of either agency read it; the search ignores diacritics and case
        Api officer = new Api(rest, "officer.congan.minhxuan");
        Map<String, Object> found =
                officer.get("/api/models?q=to hoa giai kieu mau").getBody();
        assertThat((List<Map<String, Object>>) found.get("items"))
                .extracting(i -> i.get("id"))
                .contains(id);
        assertThat((List<Map<String, Object>>) officer.get("/api/campaigns?q=to hoa giai kieu mau")
                        .getBody()
                        .get("items"))
                .as("a model is not a campaign")
                .isEmpty();
        assertThat(officer.get("/api/models/" + id).getStatusCode().value()).isEqualTo(200);
        assertThat(officer.get("/api/drives/" + id).getStatusCode().value()).isEqualTo(404);
        String page =
                rest.withBasicAuth("officer.congan.minhxuan", "demo").getForObject("/program?q=dong bua", String.class);
        assertThat(page).contains("data-program=\"" + id + "\"");

        // officers do not write; designers do not read
        assertThat(officer.post("/api/models", model("Mô hình của cán bộ"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(new Api(rest, "designer").get("/api/models").getStatusCode().value())
                .isEqualTo(403);
        // another agency's supervisor may not put the model on Dân vận's unit
        var foreign = new Api(rest, "supervisor.congan.minhxuan").post("/api/models", model("Mô hình lấn cơ quan"));
        assertThat(foreign.getStatusCode().value()).isEqualTo(400);
        assertThat(foreign.getBody().toString()).contains("unitId");

        // a change: results grow, status completes; audited with before and after
        Map<String, Object> change = model("Tổ hòa giải kiểu mẫu khu phố Đồng Bùa");
        change.put("results", "Hòa giải thành 20 vụ tranh chấp trong năm.");
        change.put("status", "COMPLETED");
        change.put("endDate", "2026-10-31");
        change.put("version", item.get("version"));
        var updated = supervisor.put("/api/models/" + id, change);
        assertThat(updated.getStatusCode().value()).isEqualTo(200);
        assertThat(updated.getBody()).containsEntry("status", "COMPLETED").containsEntry("caseCodes", List.of());
        String details = jdbc.queryForObject(
                "select details from audit_entry where action = 'PROGRAM_UPDATED' and entity_id = ?",
                String.class,
                id.toString());
        assertThat(details).contains("ACTIVE -> COMPLETED").contains("20 vụ");
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_entry where action = 'PROGRAM_CREATED' and entity_id = ?",
                        Integer.class,
                        id.toString()))
                .isEqualTo(1);
        // the same stale version again: someone changed it meanwhile
        assertThat(supervisor.put("/api/models/" + id, change).getStatusCode().value())
                .isEqualTo(409);
    }

    @Test
    @SuppressWarnings("unchecked")
    void badInputIsRefusedFieldByField() {
        Api supervisor = new Api(rest, "supervisor.danvan");
        Map<String, Object> bad = new HashMap<>();
        bad.put("title", " ");
        bad.put("unitId", 999);
        bad.put("startDate", "2026-05-01");
        bad.put("endDate", "2026-04-01");
        bad.put("caseCodes", List.of("VV-1900-000001"));
        var refused = supervisor.post("/api/models", bad);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        List<String> fields = ((List<Map<String, Object>>) refused.getBody().get("errors"))
                .stream().map(e -> (String) e.get("field")).toList();
        assertThat(fields).contains("title", "unitId", "field", "endDate", "status", "caseCodes");
        // the form is for writers: officers get a styled refusal page
        assertThat(rest.withBasicAuth("supervisor.danvan", "demo")
                        .getForObject("/program/new?kind=DRIVE", String.class))
                .contains("id=\"program-form\"")
                .contains("name=\"occasion\"");
        var refusedPage = rest.withBasicAuth("officer.danvan", "demo").getForEntity("/program/new", String.class);
        assertThat(refusedPage.getStatusCode().value()).isEqualTo(403);
        assertThat(refusedPage.getBody()).contains("<html");
    }
}
