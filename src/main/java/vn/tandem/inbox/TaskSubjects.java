package vn.tandem.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import vn.tandem.identity.CurrentUser;

/**
 * Implemented by a module whose processes run without a case (their business key is not a case id): tells the
 * inbox and the task pages what such a task is about, and keeps a document sent with its completion.
 */
public interface TaskSubjects {

    /** The subject of a process with this business key, if this module started it. */
    Optional<TaskSubject> subject(String businessKey);

    /** Keeps a document sent with the completion of a task of this subject (in the completion's transaction). */
    void attach(String businessKey, String fileName, InputStream content, CurrentUser user) throws IOException;
}
