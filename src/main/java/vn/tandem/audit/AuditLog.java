package vn.tandem.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.tandem.common.Folding;
import vn.tandem.common.ViaApiToken;

/**
 * The one way to write the audit trail. Joins the caller's transaction, so an entry exists exactly when the
 * change it describes was committed.
 */
@Service
public class AuditLog {

    public static final String SYSTEM = "system";

    private final AuditEntries entries;
    private final AuditSearchTexts searchTexts;
    private final Clock clock;
    private final ObjectMapper json;

    AuditLog(AuditEntries entries, AuditSearchTexts searchTexts, Clock clock, ObjectMapper json) {
        this.entries = entries;
        this.searchTexts = searchTexts;
        this.clock = clock;
        this.json = json;
    }

    /** Records an action without field changes. */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry record(
            String action, Long caseId, String caseCode, String entityType, String entityId, Map<String, ?> details) {
        return save(new AuditEntry(
                clock.instant(),
                currentActor(),
                action,
                caseId,
                caseCode,
                entityType,
                entityId,
                toJson(details),
                clientIp(),
                tokenId()));
    }

    /** Records an action with the before and after values of the fields that changed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditEntry recordChange(
            String action,
            Long caseId,
            String caseCode,
            String entityType,
            String entityId,
            Map<String, ?> before,
            Map<String, ?> after) {
        Map<String, Object> changedBefore = new LinkedHashMap<>();
        Map<String, Object> changedAfter = new LinkedHashMap<>();
        for (String key : after.keySet()) {
            Object old = before.get(key);
            Object now = after.get(key);
            if (!Objects.equals(old, now)) {
                changedBefore.put(key, old);
                changedAfter.put(key, now);
            }
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", changedBefore);
        details.put("after", changedAfter);
        return record(action, caseId, caseCode, entityType, entityId, details);
    }

    /** Records an action for an explicit actor (e.g. a login, before the security context holds the user). */
    @Transactional
    public AuditEntry recordFor(String actor, String action, Map<String, ?> details) {
        return save(new AuditEntry(
                clock.instant(), actor, action, null, null, "user", actor, toJson(details), clientIp(), tokenId()));
    }

    /**
     * Records what someone outside Tandem did on a public page or API (a citizen's status look-up, a 311 app's call):
     * the actor names the channel; the case, when one was found.
     */
    @Transactional
    public AuditEntry recordPublic(String actor, String action, Long caseId, String caseCode, Map<String, ?> details) {
        return save(new AuditEntry(
                clock.instant(), actor, action, caseId, caseCode, "public", actor, toJson(details), clientIp(), null));
    }

    /** Saves the entry and its folded words for search. */
    private AuditEntry save(AuditEntry entry) {
        AuditEntry saved = entries.save(entry);
        searchTexts.save(new AuditSearchText(
                saved.getId(),
                Folding.fold(
                        21000,
                        saved.getActor(),
                        saved.getAction(),
                        saved.getCaseCode(),
                        saved.getEntityType(),
                        saved.getEntityId(),
                        saved.getDetails())));
        return saved;
    }

    static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || auth.getName() == null ? SYSTEM : auth.getName();
    }

    static Long tokenId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getDetails() instanceof ViaApiToken token ? token.apiTokenId() : null;
    }

    static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            return attrs.getRequest().getRemoteAddr();
        }
        return null;
    }

    private String toJson(Map<String, ?> details) {
        if (details == null || details.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit details are not serializable", e);
        }
    }
}
