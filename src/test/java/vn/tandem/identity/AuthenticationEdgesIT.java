package vn.tandem.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.tandem.audit.AuditEntries;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * The edges of authentication: login throttling on every way in (per account and address, per address, shared
 * through the database, lifted by an administrator), CSRF only waived for session-less calls carrying their own
 * credentials, anonymous writes answered 401, and personal API tokens (made, used on the API and the engine API,
 * listed without secrets, revoked, expired, audited).
 */
@TandemIntegrationTest
class AuthenticationEdgesIT {

    static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    @Autowired
    WebApplicationContext context;

    @Autowired
    Directory directory;

    @Autowired
    AuditEntries audit;

    @Autowired
    TestRestTemplate rest;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        // sessions in the database, as in the running application (Spring Session's filter comes first)
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(context.getBean(SessionRepositoryFilter.class))
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** A client address of its own for each test, so one test's failures never block another. */
    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** The login form, as a browser posts it, from a client address. */
    static MockHttpServletRequestBuilder login(String username, String password, String address) {
        return post("/login")
                .param("username", username)
                .param("password", password)
                .with(csrf())
                .with(from(address));
    }

    static String newAddress() {
        return "10.0.8." + ADDRESSES.incrementAndGet();
    }

    @Test
    void repeatedFailedLoginsAreThrottledOnTheFormAndOnBasicAndAnAdministratorLiftsTheBlock() throws Exception {
        String address = newAddress();
        for (int i = 0; i < LoginThrottling.ACCOUNT_FREE; i++) {
            mvc.perform(login("officer.danvan", "wrong", address)).andExpect(status().is3xxRedirection());
        }
        // the next attempt is refused before the password is looked at: the right password too, for a while
        mvc.perform(login("officer.danvan", "wrong", address)).andExpect(status().is3xxRedirection());
        mvc.perform(login("officer.danvan", "demo", address))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(forwardedUrl("/login/throttled"));
        assertThat(mvc.perform(get("/login/throttled"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("login-throttled");
        mvc.perform(get("/api/cases").with(httpBasic("officer.danvan", "demo")).with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        // another address is not blocked
        mvc.perform(get("/api/cases").with(httpBasic("officer.danvan", "demo")).with(from(newAddress())))
                .andExpect(status().isOk());
        assertThat(audit.findByActionOrderByIdAsc("LOGIN_THROTTLED"))
                .anySatisfy(e ->
                        assertThat(e.getDetails()).contains("officer.danvan").contains(address));

        // the block grows with every further failure once it has passed
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofSeconds(20))));
        mvc.perform(get("/api/cases").with(httpBasic("officer.danvan", "wrong")).with(from(address)))
                .andExpect(status().isUnauthorized());
        String retry = mvc.perform(get("/api/cases")
                        .with(httpBasic("officer.danvan", "demo"))
                        .with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andReturn()
                .getResponse()
                .getHeader("Retry-After");
        assertThat(Long.parseLong(retry)).isGreaterThan(15);

        // an administrator unlocks the account on its page
        String users = mvc.perform(get("/admin/users").with(user(directory.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(users).contains("login-blocks").contains(address);
        Long accountId = context.getBean(JdbcTemplate.class)
                .queryForObject("select id from app_user where username = 'officer.danvan'", Long.class);
        mvc.perform(post("/admin/users/" + accountId + "/unlock")
                        .with(csrf())
                        .with(user(directory.loadUserByUsername("admin"))))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/cases").with(httpBasic("officer.danvan", "demo")).with(from(address)))
                .andExpect(status().isOk());
        assertThat(audit.findByActionOrderByIdAsc("LOGIN_UNLOCKED")).isNotEmpty();
    }

    @Test
    void unknownUsersAreThrottledTheSameWayAndAnAddressThatTriesManyAccountsIsBlocked() throws Exception {
        String address = newAddress();
        for (int i = 0; i <= LoginThrottling.ACCOUNT_FREE; i++) {
            mvc.perform(get("/api/cases").with(httpBasic("nobody.here", "x")).with(from(address)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/cases").with(httpBasic("nobody.here", "x")).with(from(address)))
                .andExpect(status().isTooManyRequests());
        String spraying = newAddress();
        for (int i = 0; i <= LoginThrottling.ADDRESS_FREE; i++) {
            mvc.perform(get("/api/cases").with(httpBasic("guess" + i, "x")).with(from(spraying)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/cases").with(httpBasic("officer.congan", "demo")).with(from(spraying)))
                .andExpect(status().isTooManyRequests());
        mvc.perform(get("/engine-rest/version")
                        .with(httpBasic("designer", "demo"))
                        .with(from(spraying)))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void aSessionRequestAlwaysNeedsItsCsrfTokenAndAnonymousWritesAnswer401() throws Exception {
        Cookie session = mvc.perform(login("officer.congan", "demo", newAddress()))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        assertThat(session)
                .as("signed in: a session in the database, its cookie in the browser")
                .isNotNull();
        String body = "{\"body\":\"x\"}";
        // the bypass that was reported: a session plus any Basic header for the same user
        mvc.perform(post("/api/cases/VV-2000-000001/comments")
                        .cookie(session)
                        .header(
                                "Authorization",
                                "Basic " + Base64.getEncoder().encodeToString("officer.congan:wrong".getBytes()))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/cases/VV-2000-000001/comments")
                        .cookie(session)
                        .with(httpBasic("officer.congan", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isForbidden());
        // anonymous writes: 401, not 403
        mvc.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().exists("WWW-Authenticate"));
    }

    @Test
    void personalTokensWorkOnTheApiAndTheEngineApiUntilRevokedOrExpired() {
        Api designer = new Api(rest, "designer");
        ResponseEntity<Map<String, Object>> created = designer.post("/api/tokens", Map.of("name", "Camunda Modeler"));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String token = (String) created.getBody().get("token");
        long tokenId = ((Number) created.getBody().get("id")).longValue();
        assertThat(token).startsWith("tdm_");
        assertThat(created.getBody()).containsKeys("id", "name", "token", "createdAt", "expiresAt");

        HttpHeaders bearer = new HttpHeaders();
        bearer.setBearerAuth(token);
        assertThat(rest.exchange(
                                "/engine-rest/deployment?maxResults=0",
                                HttpMethod.GET,
                                new HttpEntity<>(bearer),
                                String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(rest.exchange("/api/tokens", HttpMethod.GET, new HttpEntity<>(bearer), String.class)
                        .getBody())
                .contains("Camunda Modeler")
                .doesNotContain(token)
                .contains("\"lastUsedAt\":\"");
        // a token acts with its owner's roles: a designer sees no cases
        assertThat(rest.exchange("/api/cases", HttpMethod.GET, new HttpEntity<>(bearer), Map.class)
                        .getBody()
                        .get("total"))
                .isEqualTo(0);
        // what is done with a token is audited with its id
        HttpHeaders bearerJson = new HttpHeaders();
        bearerJson.setBearerAuth(token);
        bearerJson.setContentType(MediaType.APPLICATION_JSON);
        rest.exchange(
                "/api/tokens", HttpMethod.POST, new HttpEntity<>("{\"name\":\"second\"}", bearerJson), String.class);
        assertThat(audit.findByActionOrderByIdAsc("TOKEN_CREATED")).anySatisfy(e -> {
            assertThat(e.getActor()).isEqualTo("designer");
            assertThat(e.getTokenId()).isEqualTo(tokenId);
        });

        // revoked: 401 everywhere
        assertThat(designer.delete("/api/tokens/" + tokenId)).isEqualTo(204);
        assertThat(rest.exchange(
                                "/engine-rest/deployment?maxResults=0",
                                HttpMethod.GET,
                                new HttpEntity<>(bearer),
                                String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(rest.exchange("/api/cases", HttpMethod.GET, new HttpEntity<>(bearer), String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        // another user's token cannot be revoked by someone else
        long other = ((Number) new Api(rest, "officer.congan")
                        .post("/api/tokens", Map.of("name", "x"))
                        .getBody()
                        .get("id"))
                .longValue();
        assertThat(designer.delete("/api/tokens/" + other)).isEqualTo(404);

        // expired: 401
        ResponseEntity<Map<String, Object>> shortLived =
                designer.post("/api/tokens", Map.of("name", "one day", "expiresInDays", 1));
        HttpHeaders expiring = new HttpHeaders();
        expiring.setBearerAuth((String) shortLived.getBody().get("token"));
        assertThat(rest.exchange("/api/tokens", HttpMethod.GET, new HttpEntity<>(expiring), String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(2))));
        assertThat(rest.exchange("/api/tokens", HttpMethod.GET, new HttpEntity<>(expiring), String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        // bad requests
        assertThat(designer.post("/api/tokens", Map.of("name", " "))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(designer.post("/api/tokens", Map.of("name", "x", "expiresInDays", 999))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }
}
