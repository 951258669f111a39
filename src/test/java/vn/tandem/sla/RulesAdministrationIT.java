package vn.tandem.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.tandem.audit.AuditEntries;
import vn.tandem.identity.Directory;
import vn.tandem.process.IncidentHandling;
import vn.tandem.process.TandemClock;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * Administrators manage the rules over the API and at {@code /admin/rules}: every rule's current version; a new
 * rule (incidents have none in the law, so the province adds its own); a version effective before today asks for
 * confirmation and names the running cases that keep their version; retiring; every change audited; others are
 * refused. Dates lie in 2033, a year no other test uses.
 */
@TandemIntegrationTest
class RulesAdministrationIT {

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TandemClock clock;

    @Autowired
    AuditEntries audit;

    @Autowired
    WebApplicationContext context;

    @Autowired
    Directory directory;

    @AfterEach
    void reset() {
        clock.reset();
    }

    void at(int month, int day) {
        clock.setTime(LocalDateTime.of(2033, month, day, 9, 0).atZone(VN).toInstant());
    }

    static Map<String, Object> incidentRule(String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("rule", code);
        body.put("caseType", "INCIDENT");
        body.put("step", "RESOLVE");
        body.put("variant", "VERY_COMPLEX");
        body.put("unit", "CALENDAR_DAYS");
        body.put("targetDays", 25);
        body.put("legalBasis", "Quyết định 12/2033/QĐ-UBND của UBND tỉnh (chỉ tiêu vụ việc ANTT đặc biệt phức tạp)");
        body.put("effectiveFrom", "2033-01-01");
        body.put("reason", "Tỉnh ban hành chỉ tiêu mới cho vụ việc đặc biệt phức tạp");
        return body;
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdministratorAddsVersionsAndRetiresARuleAndRunningCasesKeepTheirVersion() {
        Api admin = new Api(rest, "admin");
        var list = rest.withBasicAuth("admin", "demo").getForObject("/api/rules", List.class);
        Map<String, Object> resolve = ((List<Map<String, Object>>) list)
                .stream()
                        .filter(r -> "DENUNCIATION_RESOLVE_VERY_COMPLEX".equals(r.get("rule")))
                        .findFirst()
                        .orElseThrow();
        assertThat(resolve)
                .containsKeys(
                        "rule",
                        "caseType",
                        "step",
                        "variant",
                        "instance",
                        "duration",
                        "unit",
                        "targetDays",
                        "targetPercent",
                        "maxExtensions",
                        "maxExtensionDays",
                        "legalBasis",
                        "effectiveFrom",
                        "effectiveTo")
                .containsEntry("maxExtensions", 2)
                .containsEntry("maxExtensionDays", 30)
                .containsEntry("duration", 30)
                .containsEntry("step", "RESOLVE")
                .containsEntry("variant", "VERY_COMPLEX");

        String code = "INCIDENT_RESOLVE_VERY_COMPLEX_" + System.nanoTime() % 100000;
        long created = audit.findByActionOrderByIdAsc("RULE_CREATED").size();
        var answer = admin.post("/api/rules", incidentRule(code));
        assertThat(answer.getStatusCode().value()).isEqualTo(201);
        assertThat(answer.getBody())
                .containsEntry("rule", code)
                .containsEntry("duration", null)
                .containsEntry("targetDays", 25)
                .containsEntry("version", 1);
        assertThat(audit.findByActionOrderByIdAsc("RULE_CREATED"))
                .hasSize((int) created + 1)
                .last()
                .satisfies(e -> assertThat(e.getActor()).isEqualTo("admin"));
        // the same code again: a version is the way to change it
        assertThat(codes(admin.post("/api/rules", incidentRule(code)).getBody()))
                .containsExactly("rule:rule.codeTaken");

        // an incident accepted as very complex in March follows the new rule
        at(3, 1);
        Api officer = new Api(rest, "officer.congan");
        String incident = officer.createCase(2, "INCIDENT", "Vụ việc ANTT đặc biệt phức tạp kiểm thử quy định");
        assertThat(officer.complete(officer.taskId(incident, IncidentHandling.TASK_FIRST_RESPONSE), veryComplex()))
                .isEqualTo(204);
        assertThat(resolve(officer, incident))
                .containsEntry("rule", code)
                .containsEntry("version", 1)
                .containsEntry("targetDue", "2033-03-28");

        // in June a version effective from February is entered: it needs confirmation and names the case
        at(6, 1);
        Map<String, Object> version = new HashMap<>(Map.of(
                "unit",
                "CALENDAR_DAYS",
                "targetDays",
                20,
                "legalBasis",
                "Quyết định 30/2033/QĐ-UBND (sửa đổi)",
                "effectiveFrom",
                "2033-02-01",
                "reason",
                "Sửa đổi chỉ tiêu theo quyết định 30/2033"));
        var unconfirmed = admin.post("/api/rules/" + code + "/versions", version);
        assertThat(unconfirmed.getStatusCode().value()).isEqualTo(409);
        assertThat(unconfirmed.getBody())
                .containsEntry("code", "rule.backdated")
                .containsEntry("needsConfirmation", true);
        assertThat((List<String>) unconfirmed.getBody().get("unaffectedCases")).containsExactly(incident);
        version.put("confirmBackdated", true);
        var confirmed = admin.post("/api/rules/" + code + "/versions", version);
        assertThat(confirmed.getStatusCode().value()).isEqualTo(201);
        assertThat((List<String>) confirmed.getBody().get("unaffectedCases")).containsExactly(incident);
        assertThat((Map<String, Object>) confirmed.getBody().get("version"))
                .containsEntry("version", 2)
                .containsEntry("effectiveFrom", "2033-02-01");
        // the running case keeps the version its clock started under
        assertThat(resolve(officer, incident)).containsEntry("version", 1).containsEntry("targetDue", "2033-03-28");
        assertThat(audit.findByActionOrderByIdAsc("RULE_CHANGED"))
                .last()
                .satisfies(e -> assertThat(e.getDetails())
                        .contains("casesKeepingTheirVersion", "Sửa đổi chỉ tiêu theo quyết định 30/2033"));
        // a version must move forward in time
        var older = new HashMap<>(version);
        older.put("effectiveFrom", "2033-01-15");
        assertThat(codes(admin.post("/api/rules/" + code + "/versions", older).getBody()))
                .containsExactly("effectiveFrom:validation.ruleEffective");

        // retired from tomorrow: a case accepted after that has no such clock; a second retirement is refused
        var retired = admin.post(
                "/api/rules/" + code + "/retire",
                Map.of("effectiveTo", "2033-06-02", "reason", "Gộp vào chỉ tiêu chung của tỉnh"));
        assertThat(retired.getStatusCode().value()).isEqualTo(200);
        assertThat(retired.getBody())
                .containsEntry("effectiveTo", "2033-06-02")
                .containsEntry("retiredReason", "Gộp vào chỉ tiêu chung của tỉnh");
        assertThat(admin.post(
                                "/api/rules/" + code + "/retire",
                                Map.of("effectiveTo", "2033-07-01", "reason", "Ngừng thêm một lần nữa"))
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
        at(6, 3);
        String later = officer.createCase(2, "INCIDENT", "Vụ việc ANTT sau khi ngừng quy định");
        assertThat(officer.complete(officer.taskId(later, IncidentHandling.TASK_FIRST_RESPONSE), veryComplex()))
                .isEqualTo(204);
        assertThat(resolve(officer, later)).containsEntry("rule", "INCIDENT_RESOLVE");
        assertThat(resolve(officer, incident)).containsEntry("rule", code);
    }

    /** An incident's first response that judges it very complex (its handling follows that variant's rule). */
    static Map<String, Object> veryComplex() {
        return Map.of(
                "situationOnArrival", "Nhiều nhóm tụ tập, có dấu hiệu lôi kéo.",
                "forcesDeployed", "Công an huyện (12 đồng chí)",
                "immediateMeasures", "Phong tỏa khu vực, mời đại diện đối thoại.",
                "firstResponseResult", "ASSESS",
                "complexity", "VERY_COMPLEX");
    }

    @Test
    void badRuleInputIsRefusedFieldByFieldAndOnlyAdministratorsWrite() {
        Api admin = new Api(rest, "admin");
        Map<String, Object> bad = new HashMap<>(incidentRule("x"));
        bad.put("targetDays", null);
        bad.put("reason", "ngắn");
        bad.put("legalBasis", " ");
        assertThat(codes(admin.post("/api/rules", bad).getBody()))
                .containsExactlyInAnyOrder(
                        "rule:rule.code", "reason:validation.minLength", "legalBasis:validation.required");
        // each field's own constraints first, then the checks across fields
        bad.putAll(Map.of(
                "rule", "INCIDENT_NO_TARGET", "reason", "Quy định thử không có thời hạn", "legalBasis", "Điều 1"));
        assertThat(codes(admin.post("/api/rules", bad).getBody())).containsExactly("targetDays:rule.noLimit");
        Map<String, Object> unknownStep = new HashMap<>(incidentRule("INCIDENT_PATROL"));
        unknownStep.put("step", "PATROL");
        var refused = admin.post("/api/rules", unknownStep);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().toString()).contains("step");
        assertThat(admin.post(
                                "/api/rules/NO_SUCH_RULE/versions",
                                Map.of(
                                        "legalBasis",
                                        "Quyết định 1/2033",
                                        "effectiveFrom",
                                        "2033-09-01",
                                        "reason",
                                        "Không có quy định này"))
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(new Api(rest, "supervisor.congan")
                        .post("/api/rules", incidentRule("INCIDENT_X"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(rest.withBasicAuth("supervisor.congan", "demo")
                        .getForEntity("/api/rules", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(rest.withBasicAuth("officer.congan", "demo")
                        .getForEntity("/api/rules", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(rest.getForEntity("/api/rules", String.class).getStatusCode().value())
                .isEqualTo(401);
    }

    @Test
    void theRulesPageKeepsWhatWasTypedAndAsksBeforeABackdatedVersion() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        var admin = user(directory.loadUserByUsername("admin"));
        String page = mvc.perform(post("/admin/rules")
                        .with(csrf())
                        .with(admin)
                        .param("rule", "INCIDENT_TEST_PAGE")
                        .param("caseType", "INCIDENT")
                        .param("step", "VERIFY")
                        .param("variant", "COMPLEX")
                        .param("unit", "CALENDAR_DAYS")
                        .param("targetDays", "bảy")
                        .param("legalBasis", "Quyết định của tỉnh")
                        .param("effectiveFrom", "2033-01-01")
                        .param("reason", "Chỉ tiêu xác minh vụ việc phức tạp"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains(
                        "id=\"new-targetDays-error\"",
                        "Vui lòng nhập một số nguyên",
                        "value=\"Chỉ tiêu xác minh vụ việc phức tạp\"",
                        "value=\"INCIDENT_TEST_PAGE\"");
        String code = "INCIDENT_VERIFY_PAGE_" + System.nanoTime() % 100000;
        mvc.perform(post("/admin/rules")
                        .with(csrf())
                        .with(admin)
                        .param("rule", code)
                        .param("caseType", "INCIDENT")
                        .param("step", "VERIFY")
                        .param("instance", "2")
                        .param("unit", "CALENDAR_DAYS")
                        .param("targetDays", "7")
                        .param("legalBasis", "Quyết định của tỉnh")
                        .param("effectiveFrom", "2025-01-01")
                        .param("reason", "Chỉ tiêu xác minh lần hai (kiểm thử)"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/rules#" + code));
        String ask = mvc.perform(post("/admin/rules/" + code + "/versions")
                        .with(csrf())
                        .with(admin)
                        .param("unit", "CALENDAR_DAYS")
                        .param("targetDays", "6")
                        .param("legalBasis", "Quyết định sửa đổi")
                        .param(
                                "effectiveFrom",
                                LocalDate.now(clock).minusDays(3).toString())
                        .param("reason", "Rút ngắn chỉ tiêu theo quyết định mới"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(ask)
                .contains(
                        "class=\"col-12 alert alert-warning backdated\"",
                        "name=\"confirmBackdated\"",
                        "value=\"Rút ngắn chỉ tiêu theo quyết định mới\"");
        mvc.perform(post("/admin/rules/" + code + "/versions")
                        .with(csrf())
                        .with(admin)
                        .param("unit", "CALENDAR_DAYS")
                        .param("targetDays", "6")
                        .param("legalBasis", "Quyết định sửa đổi")
                        .param(
                                "effectiveFrom",
                                LocalDate.now(clock).minusDays(3).toString())
                        .param("confirmBackdated", "true")
                        .param("reason", "Rút ngắn chỉ tiêu theo quyết định mới"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/rules/" + code + "/retire")
                        .with(csrf())
                        .with(admin)
                        .param("effectiveTo", LocalDate.now(clock).toString())
                        .param("reason", "Chỉ dùng cho kiểm thử"))
                .andExpect(status().is3xxRedirection());
        String after = mvc.perform(MockMvcRequestBuilders.get("/admin/rules").with(admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(after).contains(code, "Xác minh · Lần 2", "Ngừng áp dụng từ", "Chỉ dùng cho kiểm thử");
        mvc.perform(post("/admin/rules")
                        .with(csrf())
                        .with(user(directory.loadUserByUsername("supervisor.congan")))
                        .param("rule", "X"))
                .andExpect(status().isForbidden());
    }

    Map<String, Object> resolve(Api api, String code) {
        return api.deadline(code, "RESOLVE");
    }

    @SuppressWarnings("unchecked")
    static List<String> codes(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.get("errors"))
                .stream().map(e -> e.get("field") + ":" + e.get("code")).toList();
    }
}
