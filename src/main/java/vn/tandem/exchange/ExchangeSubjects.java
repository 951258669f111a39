package vn.tandem.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.tandem.audit.AuditLog;
import vn.tandem.casefile.AttachmentStore;
import vn.tandem.casefile.CaseDocuments;
import vn.tandem.identity.CurrentUser;
import vn.tandem.inbox.TaskSubject;
import vn.tandem.inbox.TaskSubjects;

/**
 * Tells the inbox and the task pages what a task of a request without a case is about (its reference, topic, unit
 * and the two agencies), and keeps the document an answer carries with the request.
 */
@Component
class ExchangeSubjects implements TaskSubjects {

    private final InformationRequests requests;
    private final AttachmentStore store;
    private final AuditLog audit;

    ExchangeSubjects(InformationRequests requests, AttachmentStore store, AuditLog audit) {
        this.requests = requests;
        this.store = store;
        this.audit = audit;
    }

    private Optional<InformationRequest> request(String businessKey) {
        if (businessKey == null || !businessKey.startsWith(InformationRequest.KEY_PREFIX)) {
            return Optional.empty();
        }
        String id = businessKey.substring(InformationRequest.KEY_PREFIX.length());
        if (id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return requests.findById(Long.valueOf(id)).filter(InformationRequest::isWithoutCase);
    }

    @Override
    public Optional<TaskSubject> subject(String businessKey) {
        return request(businessKey)
                .map(r -> new TaskSubject(
                        r.reference(),
                        r.getTopic(),
                        "EXCHANGE",
                        r.getUnitId(),
                        r.getAreaPath(),
                        List.of(r.getFromAgency(), r.getToAgency()),
                        "/exchanges#request-" + r.getId()));
    }

    @Override
    public void attach(String businessKey, String fileName, InputStream content, CurrentUser user) throws IOException {
        InformationRequest r = request(businessKey).orElseThrow();
        AttachmentStore.Accepted file = store.accept(fileName, content, CaseDocuments.ALLOWED_TYPES);
        r.document(file.name(), file.type(), file.size(), file.key());
        audit.record(
                "ATTACHMENT_ADDED",
                null,
                null,
                "informationRequest",
                r.getId().toString(),
                Map.of(
                        "reference", r.reference(),
                        "fileName", file.name(),
                        "contentType", file.type(),
                        "size", file.size(),
                        "sha256", file.sha256()));
    }
}
