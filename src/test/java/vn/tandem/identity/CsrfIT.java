package vn.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.tandem.audit.AuditEntries;
import vn.tandem.support.TandemIntegrationTest;

/**
 * Only HTTP-Basic API calls are exempt from CSRF: a browser session must send the token, pages require login,
 * and the engine's REST paths are closed.
 */
@TandemIntegrationTest
class CsrfIT {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Directory directory;

    @Autowired
    AuditEntries audit;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    @Test
    void sessionCallsNeedTheCsrfTokenBasicCallsDoNot() throws Exception {
        var officer = user(directory.loadUserByUsername("officer.congan"));
        String body = "{\"body\":\"x\"}";
        mvc.perform(post("/api/cases/VV-2000-000001/comments")
                        .with(officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/cases/VV-2000-000001/comments")
                        .with(officer)
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/cases/VV-2000-000001/comments")
                        .with(httpBasic("officer.congan", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/cases/VV-2000-000001/comments")
                        .with(httpBasic("officer.congan", "wrong"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void eachFormLoginAndEachFailedLoginWritesOneAuditEntry() throws Exception {
        long logins = audit.findByActionOrderByIdAsc("LOGIN").size();
        long failures = audit.findByActionOrderByIdAsc("LOGIN_FAILED").size();
        mvc.perform(formLogin().user("supervisor.danvan").password("demo")).andExpect(status().is3xxRedirection());
        mvc.perform(formLogin().user("supervisor.danvan").password("wrong")).andExpect(status().is3xxRedirection());
        var entries = audit.findByActionOrderByIdAsc("LOGIN");
        assertThat(entries).hasSize((int) logins + 1);
        assertThat(entries.get(entries.size() - 1).getActor()).isEqualTo("supervisor.danvan");
        assertThat(audit.findByActionOrderByIdAsc("LOGIN_FAILED")).hasSize((int) failures + 1);
    }

    @Test
    void pagesRequireLoginAndTheEngineApiIsClosedToOthers() throws Exception {
        mvc.perform(get("/inbox").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/cases/new").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/login")).andExpect(status().isOk());
        // the engine REST API: anonymous 401, a user without the designer or admin role 403 (EngineRestIT sweeps it)
        mvc.perform(get("/engine-rest/user")).andExpect(status().isUnauthorized());
        mvc.perform(get("/engine-rest/user").with(httpBasic("officer.congan", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/camunda/app/cockpit/").accept(MediaType.TEXT_HTML)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/camunda/app/cockpit/").with(httpBasic("admin", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/inbox").with(user(directory.loadUserByUsername("officer.congan"))))
                .andExpect(status().isOk());
    }
}
