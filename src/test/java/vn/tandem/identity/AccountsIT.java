package vn.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.tandem.audit.AuditEntries;
import vn.tandem.support.TandemIntegrationTest;

/**
 * Accounts: an administrator creates one (the password policy speaks beside the field), changes its unit and
 * roles, resets its password, disables it (its sessions end, its tokens stop); the last administrator stays; every
 * user changes their own password; only administrators open the accounts pages.
 */
@TandemIntegrationTest
class AccountsIT {

    @Autowired
    WebApplicationContext context;

    @Autowired
    Directory directory;

    @Autowired
    AuditEntries audit;

    @Autowired
    JdbcTemplate jdbc;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        // sessions in the database, as in the running application (Spring Session's filter comes first)
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(context.getBean(SessionRepositoryFilter.class))
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
        return request.with(csrf()).with(user(directory.loadUserByUsername("admin")));
    }

    static String address() {
        return "10.0.9." + AuthenticationEdgesIT.ADDRESSES.incrementAndGet();
    }

    @Test
    void anAdministratorManagesAnAccountFromCreationToDisabling() throws Exception {
        String weak = mvc.perform(asAdmin(post("/admin/users"))
                        .param("username", "can.bo.moi")
                        .param("fullName", "Cán bộ Mới")
                        .param("unitId", "6")
                        .param("roles", "OFFICER")
                        .param("password", "short"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(weak).contains("is-invalid").contains("Mật khẩu cần ít nhất 12 ký tự");
        assertThat(weak).contains("value=\"can.bo.moi\"").contains("value=\"Cán bộ Mới\"");

        mvc.perform(asAdmin(post("/admin/users"))
                        .param("username", "can.bo.moi")
                        .param("fullName", "Cán bộ Mới")
                        .param("unitId", "6")
                        .param("roles", "OFFICER")
                        .param("password", "Rung-tre-xanh-2026"))
                .andExpect(status().is3xxRedirection());
        Long id = jdbc.queryForObject("select id from app_user where username = 'can.bo.moi'", Long.class);
        String from = address();
        mvc.perform(get("/api/cases")
                        .with(httpBasic("can.bo.moi", "Rung-tre-xanh-2026"))
                        .with(r -> {
                            r.setRemoteAddr(from);
                            return r;
                        }))
                .andExpect(status().isOk());
        assertThat(audit.findByActionOrderByIdAsc("USER_CREATED"))
                .anySatisfy(e -> assertThat(e.getEntityId()).isEqualTo("can.bo.moi"));

        // a new unit and an extra role
        mvc.perform(asAdmin(post("/admin/users/" + id))
                        .param("fullName", "Cán bộ Mới")
                        .param("unitId", "2")
                        .param("roles", "OFFICER", "SUPERVISOR")
                        .param("enabled", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(directory.find("can.bo.moi").orElseThrow().roles()).contains(Role.SUPERVISOR);
        assertThat(directory.find("can.bo.moi").orElseThrow().unitId()).isEqualTo(2L);

        // the person signs in; an administrator resets the password: the session ends, the old password fails
        // sessions live in the database (Spring Session): the browser holds only the SESSION cookie
        Cookie session = mvc.perform(post("/login")
                        .param("username", "can.bo.moi")
                        .param("password", "Rung-tre-xanh-2026")
                        .with(csrf())
                        .with(r -> {
                            r.setRemoteAddr(from);
                            return r;
                        }))
                .andExpect(redirectedUrl("/"))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        mvc.perform(get("/inbox").cookie(session)).andExpect(status().isOk());
        mvc.perform(asAdmin(post("/admin/users/" + id + "/password")).param("password", "Nuoc-chay-da-mon-77"))
                .andExpect(status().is3xxRedirection());
        // the session is gone from the database: the browser is sent to sign in again
        mvc.perform(get("/inbox").cookie(session).accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/api/cases")
                        .with(httpBasic("can.bo.moi", "Rung-tre-xanh-2026"))
                        .with(r -> {
                            r.setRemoteAddr(from);
                            return r;
                        }))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/cases")
                        .with(httpBasic("can.bo.moi", "Nuoc-chay-da-mon-77"))
                        .with(r -> {
                            r.setRemoteAddr(from);
                            return r;
                        }))
                .andExpect(status().isOk());

        // disabled: no more sign-in
        mvc.perform(asAdmin(post("/admin/users/" + id))
                        .param("fullName", "Cán bộ Mới")
                        .param("unitId", "2")
                        .param("roles", "OFFICER")
                        .param("enabled", "false"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/cases")
                        .with(httpBasic("can.bo.moi", "Nuoc-chay-da-mon-77"))
                        .with(r -> {
                            r.setRemoteAddr(from);
                            return r;
                        }))
                .andExpect(status().isUnauthorized());
        assertThat(audit.findByActionOrderByIdAsc("USER_CHANGED"))
                .anySatisfy(e -> assertThat(e.getDetails()).contains("\"enabled\":false"));
    }

    @Test
    void theLastAdministratorCannotBeDisabledOrLoseTheRole() throws Exception {
        Long adminId = jdbc.queryForObject("select id from app_user where username = 'admin'", Long.class);
        Long others = jdbc.queryForObject(
                "select count(*) from app_user u join app_user_role r on r.user_id = u.id "
                        + "where r.role = 'ADMIN' and u.enabled = true and u.username <> 'admin'",
                Long.class);
        assertThat(others).as("the demo has one administrator").isZero();
        String page = mvc.perform(asAdmin(post("/admin/users/" + adminId))
                        .param("fullName", "Quản trị")
                        .param("unitId", "2")
                        .param("roles", "OFFICER")
                        .param("enabled", "true"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("account-conflict");
        assertThat(directory.find("admin").orElseThrow().isAdmin()).isTrue();
    }

    @Test
    void everyoneChangesTheirOwnPasswordOnTheProfilePage() throws Exception {
        mvc.perform(asAdmin(post("/admin/users"))
                        .param("username", "doi.mat.khau")
                        .param("fullName", "Đổi Mật Khẩu")
                        .param("unitId", "4")
                        .param("roles", "OFFICER")
                        .param("password", "Hoa-sen-trong-dam-1"))
                .andExpect(status().is3xxRedirection());
        var me = user(directory.loadUserByUsername("doi.mat.khau"));
        String wrong = mvc.perform(post("/profile/password")
                        .with(csrf())
                        .with(me)
                        .param("currentPassword", "nope")
                        .param("password", "Gio-dua-canh-dieu-9")
                        .param("confirmation", "Gio-dua-canh-dieu-9"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(wrong).contains("Mật khẩu hiện tại không đúng");
        String mismatch = mvc.perform(post("/profile/password")
                        .with(csrf())
                        .with(me)
                        .param("currentPassword", "Hoa-sen-trong-dam-1")
                        .param("password", "Gio-dua-canh-dieu-9")
                        .param("confirmation", "Gio-dua-canh-dieu-8"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(mismatch).contains("Mật khẩu nhập lại không khớp");
        mvc.perform(post("/profile/password")
                        .with(csrf())
                        .with(me)
                        .param("currentPassword", "Hoa-sen-trong-dam-1")
                        .param("password", "Gio-dua-canh-dieu-9")
                        .param("confirmation", "Gio-dua-canh-dieu-9"))
                .andExpect(redirectedUrl("/profile"));
        String from = address();
        mvc.perform(get("/api/cases")
                        .with(httpBasic("doi.mat.khau", "Gio-dua-canh-dieu-9"))
                        .with(r -> {
                            r.setRemoteAddr(from);
                            return r;
                        }))
                .andExpect(status().isOk());
        assertThat(mvc.perform(get("/profile").with(me))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("token-form")
                .contains("password-form");
    }

    @Test
    void onlyAdministratorsOpenTheAccountPagesAndTheyAnswerInHtml() throws Exception {
        String refused = mvc.perform(get("/admin/users")
                        .accept(MediaType.TEXT_HTML)
                        .with(user(directory.loadUserByUsername("officer.congan"))))
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("<html");
        mvc.perform(get("/admin/users").with(user(directory.loadUserByUsername("admin"))))
                .andExpect(status().isOk());
        mvc.perform(get("/admin/users/new").with(user(directory.loadUserByUsername("admin"))))
                .andExpect(status().isOk());
    }
}
