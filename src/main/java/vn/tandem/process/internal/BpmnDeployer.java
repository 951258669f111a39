package vn.tandem.process.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
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
     * Deploys the files under stable names; only files that changed since the last deployment of that name make
     * a new version. Returns the number of new process definition versions.
     */
    int deploy(Map<String, byte[]> files) {
        DeploymentBuilder builder = repository.createDeployment().name(DEPLOYMENT_NAME).source("bpmn/")
                .enableDuplicateFiltering(true);
        files.forEach((name, bytes) -> builder.addInputStream(name, new java.io.ByteArrayInputStream(bytes)));
        var definitions = builder.deployWithResult().getDeployedProcessDefinitions();
        return definitions == null ? 0 : definitions.size();
    }

    /** The path after the last {@code /bpmn/}: {@code case-handling.bpmn}, whatever the classpath root. */
    static String resourceName(String url) {
        int index = url.lastIndexOf("/bpmn/");
        return index < 0 ? url : url.substring(index + "/bpmn/".length());
    }
}
