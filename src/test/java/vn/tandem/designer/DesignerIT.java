package vn.tandem.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.tandem.audit.AuditEntries;
import vn.tandem.identity.Directory;
import vn.tandem.process.Workflow;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * A designer deploys a new version with a renamed step and a new form field, sees what changed, compares the
 * versions and migrates the running instance; the officer's inbox shows the new name and the new field. Unsafe
 * files are refused with their report; drafts are kept; every deployment and migration is audited.
 */
@TandemIntegrationTest
class DesignerIT {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Directory directory;

    @Autowired
    Workflow workflow;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    AuditEntries audit;

    @Autowired
    JdbcTemplate jdbc;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    String sample() throws Exception {
        return new String(
                        getClass()
                                .getResourceAsStream("/bpmn-samples/modeler-valid.bpmn")
                                .readAllBytes(),
                        StandardCharsets.UTF_8)
                .replace("modeler-sample", "designer-sample");
    }

    String deploy(String xml, int expectedStatus) throws Exception {
        return mvc.perform(post("/designer/deploy")
                        .param("xml", xml)
                        .with(csrf())
                        .with(user(directory.loadUserByUsername("designer"))))
                .andExpect(status().is(expectedStatus))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** The migration preview from version 1 to 2 as the user sees it. */
    String preview(String key, String username) throws Exception {
        return mvc.perform(get("/designer/" + key + "/migrate")
                        .param("from", "1")
                        .param("to", "2")
                        .with(user(directory.loadUserByUsername(username))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** Applies the migration from version 1 to 2, ticked or not, expecting a status; returns the page. */
    String migrate(String key, String username, boolean confirm, int expectedStatus) throws Exception {
        var request = post("/designer/" + key + "/migrate")
                .param("from", "1")
                .param("to", "2")
                .with(csrf())
                .with(user(directory.loadUserByUsername(username)));
        if (confirm) {
            request.param("confirm", "true");
        }
        return mvc.perform(request)
                .andExpect(status().is(expectedStatus))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void aDesignerChangesAStepDeploysComparesAndMigratesAndOfficersSeeTheNewVersion() throws Exception {
        String v1 = sample();
        deploy(v1, 200);
        long deployedBefore = audit.findByActionOrderByIdAsc("PROCESS_DEPLOYED").size();
        Api officer = new Api(rest, "officer.congan");
        String code = officer.createCase(2, "PETITION", "Kiến nghị chạy trên quy trình do người thiết kế sửa");
        long caseId = jdbc.queryForObject("select id from cases where code = ?", Long.class, code);
        String running = workflow.start("designer-sample", caseId, Map.of());
        assertThat(running).isNotBlank();

        // version 2: the step renamed, a field added
        String v2 = v1.replace("name=\"Xem xét\"", "name=\"Xem xét và đề xuất\"")
                .replace(
                        "<camunda:formField id=\"note\" label=\"Ghi chú\" type=\"string\" />",
                        "<camunda:formField id=\"note\" label=\"Ghi chú\" type=\"string\" />\n"
                                + "          <camunda:formField id=\"urgency\" label=\"Mức độ khẩn\" type=\"long\">\n"
                                + "            <camunda:validation><camunda:constraint name=\"min\" config=\"1\" />"
                                + "<camunda:constraint name=\"max\" config=\"3\" /></camunda:validation>\n"
                                + "          </camunda:formField>");
        String result = deploy(v2, 200);
        assertThat(result).contains("deploy-success").contains("Task_Review").contains("older-running");
        assertThat(audit.findByActionOrderByIdAsc("PROCESS_DEPLOYED")).hasSize((int) deployedBefore + 1);
        // the same content again: no new version
        assertThat(deploy(v2, 200)).contains("deploy-unchanged");

        String list = mvc.perform(get("/designer").with(user(directory.loadUserByUsername("designer"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains("designer-sample");
        String compare = mvc.perform(get("/designer/designer-sample/compare")
                        .param("from", "1")
                        .param("to", "2")
                        .with(user(directory.loadUserByUsername("designer"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(compare).contains("data-changed=\"Task_Review\"");
        // the changed element is listed by its name and type, not only its id
        assertThat(compare)
                .contains("id=\"changed-elements\"")
                .contains("Xem xét và đề xuất")
                .contains("Bước xử lý");
        assertThat(result).contains("Xem xét và đề xuất");

        // the preview lists the case that will move; nothing moves without the confirmation
        String preview = preview("designer-sample", "designer");
        assertThat(preview)
                .contains("migration-preview")
                .contains(code)
                .contains("data-movable=\"true\"")
                .contains("confirm-migration")
                .doesNotContain("needs-admin");
        String unconfirmed = migrate("designer-sample", "designer", false, 400);
        assertThat(unconfirmed).contains("confirm-error").contains("Hãy đánh dấu xác nhận");
        assertThat(jdbc.queryForObject(
                        "select d.version_ from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_"
                                + " where e.id_ = ?",
                        Integer.class,
                        running))
                .isEqualTo(1);

        // a new instance runs on version 2 and shows the new field; the old one is migrated and keeps its task
        String migrated = migrate("designer-sample", "designer", true, 200);
        assertThat(migrated).contains("migration-report").doesNotContain("plan-problems");
        assertThat(audit.findByActionOrderByIdAsc("PROCESS_MIGRATED")).isNotEmpty();
        String tasks = officer.get("/api/tasks?scope=group&q=" + code).getBody().toString();
        assertThat(tasks).contains("Xem xét và đề xuất");
        String taskId = officer.taskId(code, "Task_Review");
        assertThat(officer.get("/api/tasks/" + taskId + "/form").getBody().toString())
                .contains("urgency");
        assertThat(officer.complete(taskId, Map.of("urgency", 7))).isEqualTo(400);
        assertThat(officer.complete(taskId, Map.of("urgency", 2, "note", "Đã xem")))
                .isEqualTo(204);
    }

    @Test
    void aPlanThatDropsAStepIsPreviewedAndOnlyAnAdministratorMayApplyIt() throws Exception {
        String v1 = sample().replace("designer-sample", "designer-drop");
        deploy(v1, 200);
        Api officer = new Api(rest, "officer.congan");
        String code = officer.createCase(2, "PETITION", "Kiến nghị đang chờ ở bước bị bỏ");
        long caseId = jdbc.queryForObject("select id from cases where code = ?", Long.class, code);
        String running = workflow.start("designer-drop", caseId, Map.of());
        // version 2 replaces the step by another one: the case waiting at "Xem xét" has nowhere to go
        deploy(v1.replace("Task_Review", "Task_Check").replace("name=\"Xem xét\"", "name=\"Kiểm tra\""), 200);

        String preview = preview("designer-drop", "designer");
        assertThat(preview)
                .contains("dropped-steps")
                .contains("needs-admin")
                .contains(code)
                .contains("data-movable=\"false\"")
                .contains("bản mới không có bước Xem xét")
                .doesNotContain("migration-form");
        migrate("designer-drop", "designer", true, 403);

        // an administrator may apply it: the case that cannot move stays on version 1, listed as skipped
        String report = migrate("designer-drop", "admin", true, 200);
        assertThat(report)
                .contains("migration-report")
                .contains("id=\"skipped\"")
                .contains(code)
                .contains("Xem xét");
        assertThat(jdbc.queryForObject(
                        "select d.version_ from act_ru_execution e join act_re_procdef d on d.id_ = e.proc_def_id_"
                                + " where e.id_ = ?",
                        Integer.class,
                        running))
                .isEqualTo(1);
    }

    @Test
    void aRefusedDeploymentFromTheModelerAnswersTheModelerWithTheEditsAndTheReportBesideIt() throws Exception {
        deploy(sample().replace("designer-sample", "designer-kept"), 200);
        String edited = sample().replace("designer-sample", "designer-kept")
                .replace("name=\"Xem xét\"", "name=\"Xem xét kỹ\"")
                .replace(
                        "camunda:candidateGroups=\"congan-officer\"",
                        "camunda:candidateGroups=\"congan-officer\" camunda:class=\"java.lang.Runtime\"");
        String page = mvc.perform(post("/designer/deploy")
                        .param("xml", edited)
                        .param("key", "designer-kept")
                        .param("version", "1")
                        .with(csrf())
                        .with(user(directory.loadUserByUsername("designer"))))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("id=\"designer\"")
                .contains("deploy-refused")
                .contains("id=\"problems\"")
                .contains("data-element-id=\"Task_Review\"")
                .contains("id=\"kept-xml\"")
                .contains("Xem xét kỹ");
        // kept as the latest draft too: a reload of the draft still has the edits
        String draft = mvc.perform(
                        get("/designer/designer-kept/draft.xml").with(user(directory.loadUserByUsername("designer"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(draft).contains("Xem xét kỹ");
    }

    @Test
    void unsafeFilesAreRefusedWithTheirReportOnUploadAndOnlyDesignersGetIn() throws Exception {
        String unsafe = sample().replace(
                        "camunda:candidateGroups=\"congan-officer\"",
                        "camunda:candidateGroups=\"congan-officer\" camunda:class=\"java.lang.Runtime\"");
        String report = mvc.perform(multipart("/designer/deploy")
                        .file(new MockMultipartFile(
                                "file", "x.bpmn", "application/xml", unsafe.getBytes(StandardCharsets.UTF_8)))
                        .with(csrf())
                        .with(user(directory.loadUserByUsername("designer"))))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(report).contains("deploy-refused").contains("Task_Review").contains("camunda:class");
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>"
                + "<x>&b;</x>";
        assertThat(deploy(laughs, 400)).contains("DOCTYPE");
        mvc.perform(get("/designer").with(user(directory.loadUserByUsername("officer.congan"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/designer").with(user(directory.loadUserByUsername("admin"))))
                .andExpect(status().isOk());
    }

    @Test
    void draftsAreSavedAndReopened() throws Exception {
        deploy(sample(), 200);
        String draft = sample().replace("Xem xét", "Xem xét (nháp)");
        mvc.perform(post("/designer/designer-sample/draft")
                        .contentType(MediaType.APPLICATION_XML)
                        .content(draft)
                        .with(csrf())
                        .with(user(directory.loadUserByUsername("designer"))))
                .andExpect(status().isNoContent());
        String back = mvc.perform(
                        get("/designer/designer-sample/draft.xml").with(user(directory.loadUserByUsername("designer"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(back).contains("Xem xét (nháp)");
        assertThat(mvc.perform(get("/designer/designer-sample/v/1")
                                .param("draft", "true")
                                .with(user(directory.loadUserByUsername("designer"))))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("draft.xml")
                .contains("designer-canvas");
    }
}
