package vn.tandem.process.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Resources get the same name from target/classes and from the jar, so switching creates no new version. */
class BpmnDeployerTest {

    @Test
    void namesResourcesByTheirPathBelowBpmn() {
        assertThat(BpmnDeployer.resourceName("file:/work/main/target/classes/bpmn/case-handling.bpmn"))
                .isEqualTo("case-handling.bpmn");
        assertThat(BpmnDeployer.resourceName(
                "jar:nested:/app/tandem.jar/!BOOT-INF/classes/!/bpmn/case-handling.bpmn"))
                .isEqualTo("case-handling.bpmn");
        assertThat(BpmnDeployer.resourceName("file:/x/bpmn/sub/extra.bpmn")).isEqualTo("sub/extra.bpmn");
    }
}
