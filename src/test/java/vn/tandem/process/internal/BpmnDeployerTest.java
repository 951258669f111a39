package vn.tandem.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
        var configuration = (ProcessEngineConfigurationImpl)
                ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                        .setJdbcUrl("jdbc:h2:mem:deployer-test")
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
        assertThat(BpmnDeployer.resourceName("jar:nested:/app/tandem.jar/!BOOT-INF/classes/!/bpmn/case-handling.bpmn"))
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
                .replace("Tiếp nhận vụ việc\"", "Tiếp nhận vụ việc (sửa)\"")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(deployer.deploy(Map.of("case-handling.bpmn", edited, "information-request.bpmn", request)))
                .isEqualTo(1);
        var versions = engine.getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey("case-handling")
                .list();
        assertThat(versions).hasSize(2);
        assertThat(engine.getRepositoryService()
                        .createProcessDefinitionQuery()
                        .processDefinitionKey("information-request")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aDesignersNewerVersionIsNeverOverwrittenAtStartUp() throws Exception {
        var configuration = (ProcessEngineConfigurationImpl)
                ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                        .setJdbcUrl("jdbc:h2:mem:deployer-test-2")
                        .setProcessEngineName("deployer-test-2");
        configuration.setCustomFormFieldValidators(Map.of(RequiredIfValidator.NAME, RequiredIfValidator.class));
        ProcessEngine other = configuration.buildProcessEngine();
        try {
            BpmnDeployer deployer = new BpmnDeployer(other.getRepositoryService());
            byte[] file = Files.readAllBytes(Path.of("bpmn/information-request.bpmn"));
            assertThat(deployer.deploy(Map.of("information-request.bpmn", file)))
                    .isEqualTo(1);
            byte[] designers = new String(file, StandardCharsets.UTF_8)
                    .replace("Xác nhận đã nhận thông tin\"", "Xác nhận (bản của người thiết kế)\"")
                    .getBytes(StandardCharsets.UTF_8);
            other.getRepositoryService()
                    .createDeployment()
                    .name("tandem-designer")
                    .source("designer")
                    .addInputStream("information-request.bpmn", new ByteArrayInputStream(designers))
                    .deploy();
            // the file in bpmn/ changes too, but the designer's version is newer: nothing is deployed over it
            byte[] edited = new String(file, StandardCharsets.UTF_8)
                    .replace("Trả lời đề nghị cung cấp thông tin\"", "Trả lời (sửa trong mã nguồn)\"")
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(deployer.deploy(Map.of("information-request.bpmn", edited)))
                    .isZero();
            assertThat(other.getRepositoryService()
                            .createProcessDefinitionQuery()
                            .processDefinitionKey("information-request")
                            .latestVersion()
                            .singleResult()
                            .getDeploymentId())
                    .isNotNull();
            assertThat(other.getRepositoryService()
                            .createProcessDefinitionQuery()
                            .processDefinitionKey("information-request")
                            .count())
                    .isEqualTo(2);
            // the designer's version downloaded into bpmn/ becomes the file's baseline (one version, same content);
            // later edits of the file deploy again
            assertThat(deployer.deploy(Map.of("information-request.bpmn", designers)))
                    .isEqualTo(1);
            assertThat(deployer.deploy(Map.of("information-request.bpmn", designers)))
                    .isZero();
            byte[] later = new String(designers, StandardCharsets.UTF_8)
                    .replace("Đã trao đổi xong\"", "Đã trao đổi xong (sửa)\"")
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(deployer.deploy(Map.of("information-request.bpmn", later)))
                    .isEqualTo(1);
        } finally {
            other.close();
        }
    }

    @Test
    void anUnsafeFileInBpmnIsRefusedAtStartUpWithItsReport() throws Exception {
        var configuration = TestEngine.configuration("deployer-test-3");
        ProcessEngine guarded = configuration.buildProcessEngine();
        try {
            byte[] unsafe = new String(
                            Files.readAllBytes(Path.of("bpmn/information-request.bpmn")), StandardCharsets.UTF_8)
                    .replace(
                            "camunda:candidateGroups=\"${answeringGroup}\"",
                            "camunda:candidateGroups=\"${answeringGroup}\" camunda:assignee=\"${execution.getProcessEngine()}\"")
                    .getBytes(StandardCharsets.UTF_8);
            BpmnDeployer deployer = new BpmnDeployer(guarded.getRepositoryService());
            Assertions.assertThatThrownBy(() -> deployer.deploy(Map.of("information-request.bpmn", unsafe)))
                    .isInstanceOf(ParseException.class)
                    .satisfies(e -> assertThat(((ParseException) e)
                                    .getResorceReports()
                                    .get(0)
                                    .getErrors())
                            .anySatisfy(p -> {
                                assertThat(p.getMainElementId()).isEqualTo("Task_AnswerRequest");
                                assertThat(p.getLine()).isPositive();
                            }));
            assertThat(guarded.getRepositoryService()
                            .createProcessDefinitionQuery()
                            .count())
                    .isZero();
        } finally {
            guarded.close();
        }
    }
}
