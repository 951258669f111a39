package vn.tandem.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Resources get the same name from target/classes and from the jar, a redeployment of unchanged files creates no
 * new version, and editing one file creates exactly one.
 */
class BpmnDeployerTest {

    static ProcessEngine engine;

    @BeforeAll
    static void engine() {
        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration().setJdbcUrl("jdbc:h2:mem:deployer-test")
                .setProcessEngineName("deployer-test");
        configuration.setCustomFormFieldValidators(Map.of(RequiredIfValidator.NAME, RequiredIfValidator.class));
        engine = configuration.buildProcessEngine();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void namesResourcesByTheirPathBelowBpmn() {
        assertThat(BpmnDeployer.resourceName("file:/work/main/target/classes/bpmn/case-handling.bpmn"))
                .isEqualTo("case-handling.bpmn");
        assertThat(BpmnDeployer.resourceName(
                "jar:nested:/app/tandem.jar/!BOOT-INF/classes/!/bpmn/case-handling.bpmn"))
                .isEqualTo("case-handling.bpmn");
        assertThat(BpmnDeployer.resourceName("file:/x/bpmn/sub/extra.bpmn")).isEqualTo("sub/extra.bpmn");
    }

    @Test
    void unchangedFilesCreateNoVersionAndAnEditedFileExactlyOne() throws Exception {
        BpmnDeployer deployer = new BpmnDeployer(engine.getRepositoryService());
        byte[] caseHandling = Files.readAllBytes(Path.of("bpmn/case-handling.bpmn"));
        byte[] request = Files.readAllBytes(Path.of("bpmn/information-request.bpmn"));
        assertThat(deployer.deploy(Map.of("case-handling.bpmn", caseHandling, "information-request.bpmn", request)))
                .isEqualTo(2);
        assertThat(deployer.deploy(Map.of("case-handling.bpmn", caseHandling, "information-request.bpmn", request)))
                .isZero();
        byte[] edited = new String(caseHandling, StandardCharsets.UTF_8)
                .replace("Tiếp nhận vụ việc\"", "Tiếp nhận vụ việc (sửa)\"").getBytes(StandardCharsets.UTF_8);
        assertThat(deployer.deploy(Map.of("case-handling.bpmn", edited, "information-request.bpmn", request)))
                .isEqualTo(1);
        var versions = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("case-handling").list();
        assertThat(versions).hasSize(2);
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("information-request").count()).isEqualTo(1);
    }
}
