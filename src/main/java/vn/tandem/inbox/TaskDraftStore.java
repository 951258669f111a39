package vn.tandem.inbox;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface TaskDraftStore extends JpaRepository<TaskDraft, TaskDraft.Key> {

    List<TaskDraft> findByIdTaskId(String taskId);
}
