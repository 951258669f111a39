package vn.tandem.process.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the processes of the top-level {@code bpmn/} folder at start-up. Each resource is named by its path
 * below {@code bpmn/}, the same from {@code target/classes} and from the jar, and duplicate filtering deploys only
 * changed files: a restart creates no new version, an edited file exactly one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BpmnDeployer implements ApplicationRunner {

    static final String DEPLOYMENT_NAME = "tandem-bpmn";
    private static final Logger log = LoggerFactory.getLogger(BpmnDeployer.class);

    private final RepositoryService repository;

    BpmnDeployer(RepositoryService repository) {
        this.repository = repository;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/**/*.bpmn");
        if (resources.length == 0) {
            log.warn("No BPMN files found under classpath:bpmn/");
            return;
        }
        Map<String, byte[]> files = new TreeMap<>();
        for (Resource resource : resources) {
            try (InputStream in = resource.getInputStream()) {
                files.put(resourceName(resource.getURL().toString()), in.readAllBytes());
            }
        }
        int created = deploy(files);
        log.info("BPMN from bpmn/: {} file(s), {} new process definition version(s)", files.size(), created);
    }

    /**
     * Deploys, under stable names, the files that changed since this deployer last deployed them — but never over
     * a newer version a designer deployed (the designer pages or Camunda Modeler): designers download their
     * version into {@code bpmn/} to put it under version control. Returns the number of new process definition
     * versions.
     */
    int deploy(Map<String, byte[]> files) {
        List<Deployment> own = repository
                .createDeploymentQuery()
                .deploymentName(DEPLOYMENT_NAME)
                .orderByDeploymentTime()
                .desc()
                .list();
        Map<String, byte[]> changed = new TreeMap<>();
        files.forEach((name, bytes) -> {
            Deployment last = own.stream()
                    .filter(d ->
                            repository.getDeploymentResourceNames(d.getId()).contains(name))
                    .findFirst()
                    .orElse(null);
            if (last != null && Arrays.equals(bytes, read(last.getId(), name))) {
                return; // unchanged since our last deployment of it
            }
            for (String key : BpmnProperties.processIds(bytes)) {
                ProcessDefinition latest = repository
                        .createProcessDefinitionQuery()
                        .processDefinitionKey(key)
                        .latestVersion()
                        .singleResult();
                Deployment latestDeployment = latest == null
                        ? null
                        : repository
                                .createDeploymentQuery()
                                .deploymentId(latest.getDeploymentId())
                                .singleResult();
                if (latestDeployment != null
                        && !DEPLOYMENT_NAME.equals(latestDeployment.getName())
                        && (last == null || latestDeployment.getDeploymentTime().after(last.getDeploymentTime()))) {
                    if (Arrays.equals(bytes, read(latest.getDeploymentId(), latest.getResourceName()))) {
                        // the designer's version was downloaded into bpmn/: from now on the file is the source
                        log.info(
                                "bpmn/{} now holds version {} of {} from the designer", name, latest.getVersion(), key);
                        break;
                    }
                    log.warn(
                            "bpmn/{} changed, but version {} of {} deployed by a designer is newer: not "
                                    + "deployed. Download the designer's version into bpmn/ to keep it.",
                            name,
                            latest.getVersion(),
                            key);
                    return;
                }
            }
            changed.put(name, bytes);
        });
        if (changed.isEmpty()) {
            return 0;
        }
        DeploymentBuilder builder =
                repository.createDeployment().name(DEPLOYMENT_NAME).source("bpmn/");
        changed.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
        var definitions = builder.deployWithResult().getDeployedProcessDefinitions();
        return definitions == null ? 0 : definitions.size();
    }

    private byte[] read(String deploymentId, String resource) {
        try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
            return in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            return new byte[0];
        }
    }

    /** The path after the last {@code /bpmn/}: {@code case-handling.bpmn}, whatever the classpath root. */
    static String resourceName(String url) {
        int index = url.lastIndexOf("/bpmn/");
        return index < 0 ? url : url.substring(index + "/bpmn/".length());
    }
}
