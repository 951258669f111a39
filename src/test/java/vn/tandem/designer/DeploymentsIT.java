package vn.tandem.designer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.tandem.audit.AuditEntries;
import vn.tandem.identity.Directory;
import vn.tandem.process.Workflow;
import vn.tandem.support.Api;
import vn.tandem.support.SecurityPayloads;
import vn.tandem.support.TandemIntegrationTest;

/**
 * Deleting a deployment that holds cases is an administrator's decision with a reason and an explicit
 * confirmation: the page shows what would go, the API needs the reason; designers cannot; it is audited and each
 * case says so on its timeline.
 */
@TandemIntegrationTest
class DeploymentsIT {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Directory directory;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    Workflow workflow;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditEntries audit;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    @Test
    void anAdministratorDeletesADeploymentWithItsCasesOnlyWithAReasonAndAConfirmation() throws Exception {
        String xml = new String(SecurityPayloads.validProcess(), StandardCharsets.UTF_8)
                .replace("modeler-sample", "deletable-sample");
        mvc.perform(post("/designer/deploy")
                        .param("xml", xml)
                        .with(csrf())
                        .with(user(directory.loadUserByUsername("designer"))))
                .andExpect(status().isOk());
        String deploymentId = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("deletable-sample")
                .singleResult()
                .getDeploymentId();
        String code = new Api(rest, "officer.congan").createCase(2, "PETITION", "Kiến nghị trên quy trình sẽ bị xóa");
        long caseId = jdbc.queryForObject("select id from cases where code = ?", Long.class, code);
        workflow.start("deletable-sample", caseId, Map.of());

        String confirm = mvc.perform(get("/admin/deployments/" + deploymentId + "/delete")
                        .with(user(directory.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(confirm).contains("delete-warning");
        // without the confirmation nothing happens
        String again = mvc.perform(post("/admin/deployments/" + deploymentId + "/delete")
                        .param("reason", "Quy trình thử nghiệm sai, xóa theo quyết định 12/QĐ")
                        .with(csrf())
                        .with(user(directory.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(again).contains("is-invalid");
        assertThat(runtime.createProcessInstanceQuery()
                        .deploymentId(deploymentId)
                        .count())
                .isEqualTo(1);

        Api admin = new Api(rest, "admin");
        assertThat(admin.post("/api/admin/deployments/" + deploymentId + "/delete", Map.of("reason", "ngắn"))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(new Api(rest, "designer")
                        .post(
                                "/api/admin/deployments/" + deploymentId + "/delete",
                                Map.of("reason", "Người thiết kế không được xóa"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        var deleted = admin.post(
                "/api/admin/deployments/" + deploymentId + "/delete",
                Map.of("reason", "Quy trình thử nghiệm sai, xóa theo quyết định 12/QĐ"));
        assertThat(deleted.getStatusCode().value()).isEqualTo(200);
        assertThat(deleted.getBody()).containsEntry("running", 1);
        assertThat(repository.createDeploymentQuery().deploymentId(deploymentId).count())
                .isZero();
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processDefinitionKey("deletable-sample")
                        .count())
                .isZero();
        assertThat(audit.findByActionOrderByIdAsc("DEPLOYMENT_DELETED")).anySatisfy(e -> {
            assertThat(e.getActor()).isEqualTo("admin");
            assertThat(e.getDetails()).contains("12/QĐ").contains("\"cases\":1");
        });
        assertThat(jdbc.queryForObject(
                        "select count(*) from timeline_entry where case_id = ? and kind = " + "'PROCESS_DELETED'",
                        Long.class,
                        caseId))
                .isEqualTo(1);
        assertThat(mvc.perform(get("/admin/deployments").with(user(directory.loadUserByUsername("admin"))))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("deployments");
    }
}
