package vn.tandem.casefile.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.tandem.audit.AuditEntries;
import vn.tandem.casefile.CaseDocuments;
import vn.tandem.casefile.CaseFiles;
import vn.tandem.casefile.CaseSharing;
import vn.tandem.casefile.Hotspots;
import vn.tandem.casefile.Timeline;
import vn.tandem.common.ConflictException;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;
import vn.tandem.common.web.FailedForm;
import vn.tandem.identity.CurrentUser;
import vn.tandem.identity.Directory;
import vn.tandem.identity.Role;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.process.Workflow;

/**
 * The case controllers' error mapping without the application around them: a page form's mistake or conflict goes
 * back to its page with the reason as the flash message; the API answers problem details with the right status and
 * the field that is wrong.
 */
@WebMvcTest(controllers = {CaseController.class, CaseApiController.class})
class CaseWebSliceTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CaseFiles caseFiles;

    @MockitoBean
    CaseSharing sharing;

    @MockitoBean
    Hotspots hotspots;

    @MockitoBean
    CaseDocuments documents;

    @MockitoBean
    Timeline timeline;

    @MockitoBean
    Workflow workflow;

    @MockitoBean
    Directory directory;

    @MockitoBean
    AuditEntries audit;

    @MockitoBean
    Clock clock;

    @MockitoBean
    vn.tandem.casefile.Duplicates duplicates;

    @MockitoBean
    vn.tandem.casefile.PersonRegistry registry;

    static RequestPostProcessor officer() {
        return user(TandemPrincipal.of(
                new CurrentUser("officer.x", "Cán bộ X", "LEAD", 2L, "Đơn vị", 1L, "/1/", Set.of(Role.OFFICER))));
    }

    @Test
    void aPageFormMistakeGoesBackToItsPageWithTheReason() throws Exception {
        willThrow(new InvalidInputException("reason", "validation.minLength", 5))
                .given(sharing)
                .share(eq("VV-1"), any(), any(), any());
        mvc.perform(post("/cases/VV-1/shares")
                        .param("agency", "X")
                        .param("reason", "x")
                        .with(csrf())
                        .with(officer()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/cases/VV-1#share-form"))
                // the reason beside its field, what was typed kept, nothing at the top of the page
                .andExpect(flash().attribute(
                                FailedForm.NAME,
                                new FailedForm(
                                        "share-form",
                                        Map.of("reason", "Cần ít nhất 5 ký tự."),
                                        Map.of("agency", "X", "reason", "x"),
                                        null)))
                .andExpect(flash().attributeCount(1));
    }

    @Test
    void aConflictGoesBackToThePageInTheReadersLanguage() throws Exception {
        willThrow(new ConflictException("hotspot.already")).given(hotspots).raise(eq("VV-2"), any(), any());
        mvc.perform(post("/cases/VV-2/hotspot")
                        .param("reason", "Tụ tập đông người")
                        .param("lang", "en")
                        .with(csrf())
                        .with(officer()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/cases/VV-2#hotspot-form"))
                .andExpect(result -> assertThat(
                                ((FailedForm) result.getFlashMap().get(FailedForm.NAME)).message("hotspot-form"))
                        .startsWith("The case"));
    }

    @Test
    void theApiAnswersProblemDetailsNamingTheField() throws Exception {
        given(caseFiles.visible(anyString(), any())).willThrow(new NotFoundException("case.notFound", "VV-9"));
        mvc.perform(get("/api/cases/VV-9").with(officer()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.code").value("case.notFound"));
        willThrow(new InvalidInputException("body", "validation.required"))
                .given(documents)
                .comment(eq("VV-3"), any(), any());
        mvc.perform(post("/api/cases/VV-3/comments")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"\"}")
                        .with(csrf())
                        .with(officer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].code").value("validation.required"));
        willThrow(new ConflictException("share.exists", "X")).given(sharing).share(eq("VV-4"), any(), any(), any());
        mvc.perform(post("/api/cases/VV-4/shares")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"agency\":\"X\",\"reason\":\"Cần phối hợp\"}")
                        .with(csrf())
                        .with(officer()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("share.exists"));
    }
}
