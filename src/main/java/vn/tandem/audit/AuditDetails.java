package vn.tandem.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An entry's details as fields a person reads: {@code name: value}, and for a change {@code name: before → after};
 * details that are not an object show as they are.
 */
public final class AuditDetails {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One field of the details; {@code before} is set for a changed field. */
    public record Field(String name, String before, String value, boolean changed) {}

    private AuditDetails() {}

    public static List<Field> fields(String details) {
        if (details == null || details.isBlank()) {
            return List.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(details);
        } catch (JsonProcessingException e) {
            return List.of(new Field("", null, details, false));
        }
        if (!root.isObject()) {
            return List.of(new Field("", null, text(root), false));
        }
        List<Field> fields = new ArrayList<>();
        JsonNode before = root.get("before");
        JsonNode after = root.get("after");
        if (root.size() == 2 && before != null && after != null && before.isObject() && after.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                fields.add(new Field(f.getKey(), text(before.get(f.getKey())), text(f.getValue()), true));
            }
            return fields;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            fields.add(new Field(f.getKey(), null, text(f.getValue()), false));
        }
        return fields;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
