package vn.tandem.process;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An open user task as other modules see it. {@code businessKey} is the case id; {@code context} carries the
 * few correlation variables other modules need (e.g. {@code requestId}).
 */
public record TaskSnapshot(
        String id,
        String key,
        String name,
        String processKey,
        String processInstanceId,
        String businessKey,
        List<String> candidateGroups,
        String assignee,
        Instant due,
        Instant created,
        String formKey,
        Map<String, Object> context) {

    public Long caseId() {
        return businessKey == null ? null : Long.valueOf(businessKey);
    }

    public boolean isCandidate(String user, List<String> groups) {
        return user.equals(assignee) || candidateGroups.stream().anyMatch(groups::contains);
    }
}
