package vn.tandem.inbox.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.common.ConflictException;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Role;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.inbox.InboxQuery;
import vn.tandem.inbox.TaskActions;
import vn.tandem.inbox.TaskDrafts;
import vn.tandem.process.TaskSnapshot;

/** Two people completing the same task: the one who loses is told so — on the page and over the API (409). */
@WebMvcTest(controllers = {TaskController.class, TaskApiController.class})
class TaskWebSliceTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    TaskActions actions;

    @MockitoBean
    CaseFiles caseFiles;

    @MockitoBean
    InboxQuery inbox;

    @MockitoBean
    Clock clock;

    @MockitoBean
    TaskDrafts drafts;

    @MockitoBean
    vn.tandem.identity.Directory directory;

    static TandemPrincipal officer() {
        return TandemPrincipal.of(
                new CurrentUser("officer.y", "Cán bộ Y", "LEAD", 2L, "Đơn vị", 1L, "/1/", Set.of(Role.OFFICER)));
    }

    @Test
    void theLoserOfTwoCompletionsIsToldSo() throws Exception {
        given(actions.visible(eq("t-1"), any()))
                .willReturn(new TaskActions.VisibleTask(
                        new TaskSnapshot(
                                "t-1",
                                "Task_ProposeSolution",
                                "Đề xuất phương án",
                                "case-handling",
                                "p-1",
                                "7",
                                List.of("lead-officer"),
                                null,
                                null,
                                Instant.EPOCH,
                                "tandem:propose",
                                Map.of(),
                                null,
                                50,
                                null),
                        null));
        willThrow(new ConflictException("task.completedConcurrently"))
                .given(actions)
                .complete(eq("t-1"), any(), any());
        willThrow(new ConflictException("task.completedConcurrently"))
                .given(actions)
                .complete(eq("t-1"), any(), any(), any());
        mvc.perform(post("/tasks/t-1").param("plan", "Phương án").with(csrf()).with(user(officer())))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/inbox"))
                .andExpect(flash().attributeExists("error"));
        mvc.perform(post("/api/tasks/t-1/complete")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"plan\":\"Phương án\"}")
                        .with(csrf())
                        .with(user(officer())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("task.completedConcurrently"));
    }
}
