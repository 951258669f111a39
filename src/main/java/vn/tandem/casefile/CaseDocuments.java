package vn.tandem.casefile;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;
import vn.tandem.common.ConflictException;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;
import vn.tandem.common.Text;
import vn.tandem.identity.CurrentUser;

/**
 * A case's comments and attachments: written by the agencies taking full part (an agency only asked for information
 * reads: 403), each on the timeline and in the audit trail; an attachment is checked for its size and its real
 * content type (sniffed, not declared).
 */
@Service
@Transactional
public class CaseDocuments {

    /** Longest comment. */
    public static final int COMMENT_MAX = 5000;

    /** What a document may be, by its content: PDF, JPEG, PNG, text, Word, Excel. */
    public static final Set<String> ALLOWED_TYPES = Set.of(
            "application/pdf",
            "image/jpeg",
            "image/png",
            "text/plain",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/msword",
            "application/vnd.ms-excel");

    private final CaseFiles caseFiles;
    private final CaseComments comments;
    private final Attachments attachments;
    private final AttachmentStore store;
    private final Timeline timeline;
    private final AuditLog audit;
    private final Clock clock;

    CaseDocuments(
            CaseFiles caseFiles,
            CaseComments comments,
            Attachments attachments,
            AttachmentStore store,
            Timeline timeline,
            AuditLog audit,
            Clock clock) {
        this.caseFiles = caseFiles;
        this.comments = comments;
        this.attachments = attachments;
        this.store = store;
        this.timeline = timeline;
        this.audit = audit;
        this.clock = clock;
    }

    public CaseComment comment(String code, String body, CurrentUser user) {
        return comment(code, body, null, user);
    }

    /**
     * A comment sent with an idempotency key (a comment queued offline): the same key from the same author adds it
     * once and answers the comment already added.
     */
    public CaseComment comment(String code, String body, String idempotencyKey, CurrentUser user) {
        Case c = caseFiles.contributable(code, user);
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > 100) {
            throw new InvalidInputException("Idempotency-Key", "validation.maxLength", 100);
        }
        if (key != null) {
            Optional<CaseComment> earlier = comments.findByAuthorAndIdempotencyKey(user.username(), key);
            if (earlier.isPresent() && earlier.get().getCaseId().equals(c.getId())) {
                return earlier.get();
            }
            if (earlier.isPresent()) {
                throw new ConflictException("comment.keyReused");
            }
        }
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("body", "validation.required");
        }
        if (body.length() > COMMENT_MAX) {
            throw new InvalidInputException("body", "validation.maxLength", COMMENT_MAX);
        }
        CaseComment comment =
                comments.save(new CaseComment(c.getId(), user.username(), clock.instant(), body.strip(), key));
        audit.record(
                "COMMENT_ADDED",
                c.getId(),
                c.getCode(),
                "comment",
                comment.getId().toString(),
                Map.of("length", body.length()));
        timeline.add(
                c.getId(),
                user.username(),
                "COMMENT",
                Text.of("timeline.comment"),
                List.of(Timeline.Detail.text(comment.getBody())),
                "comment",
                comment.getId().toString());
        return comment;
    }

    /** Stores an attachment after checking its size and its real content type (sniffed, not declared). */
    public Attachment attach(String code, String fileName, InputStream content, CurrentUser user) throws IOException {
        return store(caseFiles.contributable(code, user), fileName, content, user);
    }

    /**
     * Stores a document that comes with a task's completion (an answer to an information request): the answering
     * agency may only read the case otherwise, so the caller must have checked that {@code user} works that open
     * task of the case; it completes the task in the same transaction.
     */
    public Attachment attachWithTask(Case c, String fileName, InputStream content, CurrentUser user)
            throws IOException {
        return store(caseFiles.visible(c.getCode(), user), fileName, content, user);
    }

    private Attachment store(Case c, String fileName, InputStream content, CurrentUser user) throws IOException {
        AttachmentStore.Accepted file = store.accept(fileName, content, ALLOWED_TYPES);
        String name = file.name();
        String type = file.type();
        Attachment a = attachments.save(new Attachment(
                c.getId(), name, type, file.size(), file.sha256(), file.key(), user.username(), clock.instant()));
        audit.record(
                "ATTACHMENT_ADDED",
                c.getId(),
                c.getCode(),
                "attachment",
                a.getId().toString(),
                Map.of("fileName", name, "contentType", type, "size", file.size()));
        timeline.add(
                c.getId(),
                user.username(),
                "ATTACHMENT",
                Text.of("timeline.attachment"),
                List.of(Timeline.Detail.of("timeline.label.file", name)),
                "attachment",
                a.getId().toString());
        return a;
    }

    /** An attachment and a way to read its bytes. */
    public record AttachmentContent(Attachment attachment, InputStream stream) {}

    @Transactional(readOnly = true)
    public AttachmentContent download(String code, long attachmentId, CurrentUser user) throws IOException {
        Case c = caseFiles.visible(code, user);
        Attachment a = attachments
                .findByIdAndCaseId(attachmentId, c.getId())
                .orElseThrow(() -> new NotFoundException("attachment.notFound"));
        return new AttachmentContent(a, store.open(a.getStorageKey()));
    }

    @Transactional(readOnly = true)
    public List<CaseComment> comments(long caseId) {
        return comments.findByCaseIdOrderByAtDesc(caseId);
    }

    @Transactional(readOnly = true)
    public List<Attachment> attachments(long caseId) {
        return attachments.findByCaseIdOrderByUploadedAtDesc(caseId);
    }
}
