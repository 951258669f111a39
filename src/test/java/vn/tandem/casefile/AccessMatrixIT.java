package vn.tandem.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import vn.tandem.audit.AuditEntries;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * Who may do what with which case: every demo role × agency × area against the case pages and endpoints, for a
 * case of each visibility. Expected status per cell in one table; invisible cases must also leave no row in any
 * list or count.
 */
@TandemIntegrationTest
class AccessMatrixIT {

    /*
     * Cases: own = Công an, province unit, not shared; shared = Công an, province, Dân vận asked for information
     * (read-only share); other = Dân vận, province, not shared; confidential = Công an denunciation in phường
     * Minh Xuân (commune), first petitioner protected, nobody assigned yet.
     * Columns: user, case, GET /api/cases/{c}, GET /api/tasks/{acceptance task}/form,
     * GET /api/cases/{c}/attachments/{a}, GET /cases/{c}, GET /cases/{c}/diagram, POST comment, POST reveal,
     * rows in GET /api/cases?q=, rows in GET /api/tasks?scope=all&q= plus scope=watch ("+" = at least one).
     */
    static final String[][] MATRIX = {
        {"officer.congan", "own", "200", "200", "200", "200", "200", "201", "403", "1", "+"},
        {"officer.congan", "shared", "200", "200", "200", "200", "200", "201", "403", "1", "+"},
        {"officer.congan", "other", "404", "404", "404", "404", "404", "404", "404", "0", "0"},
        {"officer.congan", "confidential", "200", "200", "200", "200", "200", "201", "403", "1", "+"},
        {"supervisor.congan", "own", "200", "200", "200", "200", "200", "201", "200", "1", "+"},
        {"supervisor.congan", "shared", "200", "200", "200", "200", "200", "201", "200", "1", "+"},
        {"supervisor.congan", "other", "404", "404", "404", "404", "404", "404", "404", "0", "0"},
        {"supervisor.congan", "confidential", "200", "200", "200", "200", "200", "201", "200", "1", "+"},
        {"officer.danvan", "own", "404", "404", "404", "404", "404", "404", "404", "0", "0"},
        {"officer.danvan", "shared", "200", "200", "200", "200", "200", "403", "403", "1", "+"},
        {"officer.danvan", "other", "200", "200", "200", "200", "200", "201", "403", "1", "+"},
        {"officer.danvan", "confidential", "404", "404", "404", "404", "404", "404", "404", "0", "0"},
        {"supervisor.danvan", "own", "404", "404", "404", "404", "404", "404", "404", "0", "0"},
        {"supervisor.danvan", "shared", "200", "200", "200", "200", "200", "403", "403", "1", "+"},
        {"supervisor.danvan", "other", "200", "200", "200", "200", "200", "201", "200", "1", "+"},
        {"supervisor.danvan", "confidential", "404", "404", "404", "404", "404", "404", "404", "0", "0"},
        {"officer.congan.minhxuan", "own", "404", "404", "404", "404", "404", "404", "404", "0", "0"},
        {"officer.congan.minhxuan", "shared", "404", "404", "404", "404", "404", "404", "404", "0", "0"},
        {"officer.congan.minhxuan", "other", "404", "404", "404", "404", "404", "404", "404", "0", "0"},
        {"officer.congan.minhxuan", "confidential", "200", "200", "200", "200", "200", "201", "403", "1", "+"},
        {"supervisor.congan.minhxuan", "confidential", "200", "200", "200", "200", "200", "201", "200", "1", "+"},
        {"supervisor.congan.minhxuan", "own", "404", "404", "404", "404", "404", "404", "404", "0", "0"},
        {"designer", "own", "404", "404", "404", "404", "404", "404", "404", "0", "0"},
        {"designer", "shared", "404", "404", "404", "404", "404", "404", "404", "0", "0"},
        {"designer", "other", "404", "404", "404", "404", "404", "404", "404", "0", "0"},
        {"designer", "confidential", "404", "404", "404", "404", "404", "404", "404", "0", "0"},
        {"admin", "own", "200", "200", "200", "200", "200", "201", "403", "1", "+"},
        {"admin", "shared", "200", "200", "200", "200", "200", "201", "403", "1", "+"},
        {"admin", "other", "200", "200", "200", "200", "200", "201", "403", "1", "+"},
        {"admin", "confidential", "200", "200", "200", "200", "200", "201", "403", "1", "+"},
    };

    static final Map<String, String> CODES = new HashMap<>();
    static final Map<String, Long> PETITIONERS = new HashMap<>();
    static final Map<String, String> TASKS = new HashMap<>();
    static final Map<String, Long> ATTACHMENTS = new HashMap<>();

    @Autowired
    TestRestTemplate rest;

    @Autowired
    AuditEntries audit;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void cases() {
        if (!CODES.isEmpty()) {
            return;
        }
        Api congan = new Api(rest, "officer.congan");
        CODES.put("own", congan.createCase(2, "COMPLAINT", "Ma trận quyền: vụ việc riêng"));
        CODES.put("shared", congan.createCase(2, "PETITION", "Ma trận quyền: vụ việc được chia sẻ"));
        assertThat(congan.post(
                                "/api/cases/" + CODES.get("shared") + "/information-requests",
                                Map.of("toAgency", "DANVAN", "question", "Đề nghị cung cấp thông tin"))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        CODES.put("other", new Api(rest, "officer.danvan").createCase(1, "PETITION", "Ma trận quyền: Dân vận"));
        var created = new Api(rest, "officer.congan.minhxuan")
                .post(
                        "/api/cases",
                        Map.of(
                                "type",
                                "DENUNCIATION",
                                "channel",
                                "LETTER",
                                "title",
                                "Ma trận quyền: tố cáo",
                                "description",
                                "Nội dung tố cáo bảo mật.",
                                "unitId",
                                4,
                                "petitioners",
                                List.of(Map.of(
                                        "fullName",
                                        "Đinh Bảo Mật",
                                        "idNumber",
                                        "001099887766",
                                        "phone",
                                        "0909888777",
                                        "address",
                                        "Số 9 ngõ Bí Mật"))));
        CODES.put("confidential", (String) created.getBody().get("code"));
        Api admin = new Api(rest, "admin");
        for (var entry : CODES.entrySet()) {
            var petitioners = (List<Map<String, Object>>)
                    admin.get("/api/cases/" + entry.getValue()).getBody().get("petitioners");
            PETITIONERS.put(entry.getKey(), ((Number) petitioners.get(0).get("id")).longValue());
            TASKS.put(entry.getKey(), admin.taskId(entry.getValue(), "Task_Accept"));
            var body = new LinkedMultiValueMap<String, Object>();
            body.add("file", new ByteArrayResource("Biên bản làm việc".getBytes()) {
                @Override
                public String getFilename() {
                    return "bien-ban.txt";
                }
            });
            var headers = new HttpHeaders();
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            var attached = admin.post("/api/cases/" + entry.getValue() + "/attachments", body, headers);
            ATTACHMENTS.put(entry.getKey(), ((Number) attached.getBody().get("id")).longValue());
        }
    }

    @Test
    void everyRoleAgencyAndAreaGetsExactlyItsCells() {
        List<String> mismatches = new ArrayList<>();
        long revealsBefore = audit.findByActionOrderByIdAsc("IDENTITY_REVEALED").size();
        int expectedReveals = 0;
        for (String[] row : MATRIX) {
            Api api = new Api(rest, row[0]);
            String code = CODES.get(row[1]);
            String cell = row[0] + " × " + row[1];
            check(
                    mismatches,
                    cell,
                    "GET api",
                    row[2],
                    api.get("/api/cases/" + code).getStatusCode().value());
            check(
                    mismatches,
                    cell,
                    "GET task form",
                    row[3],
                    status(row[0], "/api/tasks/" + TASKS.get(row[1]) + "/form"));
            check(
                    mismatches,
                    cell,
                    "GET attachment",
                    row[4],
                    status(row[0], "/api/cases/" + code + "/attachments/" + ATTACHMENTS.get(row[1])));
            check(mismatches, cell, "GET page", row[5], status(row[0], "/cases/" + code));
            check(mismatches, cell, "GET diagram", row[6], status(row[0], "/cases/" + code + "/diagram"));
            check(
                    mismatches,
                    cell,
                    "POST comment",
                    row[7],
                    api.post("/api/cases/" + code + "/comments", Map.of("body", "Ý kiến của " + row[0]))
                            .getStatusCode()
                            .value());
            int reveal = api.post(
                            "/api/cases/" + code + "/petitioners/" + PETITIONERS.get(row[1]) + "/reveal",
                            Map.of("reason", "Phục vụ xác minh theo quy định"))
                    .getStatusCode()
                    .value();
            check(mismatches, cell, "POST reveal", row[8], reveal);
            expectedReveals += reveal == 200 ? 1 : 0;
            check(
                    mismatches,
                    cell,
                    "case list rows",
                    row[9],
                    ((Number) api.get("/api/cases?q=" + code).getBody().get("total")).intValue());
            // what the user may see: the tasks they may work and those they only watch
            int tasks = ((Number) api.get("/api/tasks?scope=all&q=" + code)
                                    .getBody()
                                    .get("total"))
                            .intValue()
                    + ((Number) api.get("/api/tasks?scope=watch&q=" + code)
                                    .getBody()
                                    .get("total"))
                            .intValue();
            if (row[10].equals("+") ? tasks == 0 : tasks != 0) {
                mismatches.add(cell + ": task rows expected " + row[10] + " but was " + tasks);
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(audit.findByActionOrderByIdAsc("IDENTITY_REVEALED")).hasSize((int) revealsBefore + expectedReveals);
    }

    /** The audit trail: administrators only (403 for everyone else, 401 anonymous). */
    @Test
    void onlyAdminsSearchTheAuditTrail() {
        String[][] audit = {
            {"admin", "200"}, {"supervisor.congan", "403"}, {"supervisor.danvan", "403"},
            {"officer.congan", "403"}, {"designer", "403"}, {"officer.danvan.minhxuan", "403"},
        };
        List<String> mismatches = new ArrayList<>();
        for (String[] row : audit) {
            for (String path : List.of("/api/audit", "/audit", "/audit.csv")) {
                check(mismatches, row[0], "GET " + path, row[1], status(row[0], path));
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(rest.getForEntity("/api/audit", String.class).getStatusCode().value())
                .isEqualTo(401);
    }

    private int status(String user, String path) {
        return rest.withBasicAuth(user, "demo")
                .exchange(path, HttpMethod.GET, null, String.class)
                .getStatusCode()
                .value();
    }

    private static void check(List<String> mismatches, String cell, String what, String expected, int actual) {
        if (Integer.parseInt(expected) != actual) {
            mismatches.add(cell + ": " + what + " expected " + expected + " but was " + actual);
        }
    }
}
