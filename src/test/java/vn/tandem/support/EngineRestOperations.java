package vn.tandem.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every operation of Camunda's published engine REST description ({@code camunda-engine-rest-openapi} 7.24.0),
 * with its path parameters filled with {@code sweep}: what the sweeps over the engine API walk.
 */
public record EngineRestOperations(String method, String path, String operationId) {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");

    public static List<EngineRestOperations> all() {
        JsonNode spec;
        try (InputStream in = EngineRestOperations.class.getClassLoader().getResourceAsStream("openapi.json")) {
            spec = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<EngineRestOperations> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            String uri = path.getKey().replaceAll("\\{[^}]+\\}", "sweep");
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(Locale.ROOT);
                if (METHODS.contains(method)) {
                    operations.add(new EngineRestOperations(
                            method, uri, op.getValue().path("operationId").asText()));
                }
            }
        }
        return operations;
    }

    public boolean isWrite() {
        return List.of("POST", "PUT", "DELETE").contains(method);
    }

    /** A query sent as POST (Camunda names them query…, postQuery…). */
    public boolean isQuery() {
        return operationId.startsWith("query")
                || operationId.startsWith("postQuery")
                || operationId.equals("postExecuteFilterCount")
                || operationId.equals("fetchAndLock")
                || operationId.equals("evaluateCondition");
    }
}
