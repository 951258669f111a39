package vn.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.tandem.identity.Directory;
import vn.tandem.support.Api;
import vn.tandem.support.SecurityPayloads;
import vn.tandem.support.TandemIntegrationTest;

/**
 * A user's mistake is a 4xx with a clear answer, never a server error, and nothing bad is stored: absurd page
 * numbers, an empty petitioner, a fraction of a person, NUL and broken characters in text, a draft that is not
 * BPMN; a case the user may not see is refused exactly like one that does not exist.
 */
@TandemIntegrationTest
class BadInputIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    WebApplicationContext context;

    @Autowired
    Directory directory;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
    }

    @Test
    void aPageFarBeyondTheEndIsA400OnEveryList() throws Exception {
        Api admin = new Api(rest, "admin");
        for (String path : List.of(
                "/api/cases?page=2147483647",
                "/api/tasks?page=2147483647",
                "/api/audit?page=2147483647",
                "/api/cases?page=-1")) {
            assertThat(admin.get(path).getStatusCode().value()).as(path).isEqualTo(400);
        }
        for (String page : List.of("/cases?page=2147483647", "/inbox?page=2147483647", "/audit?page=2147483647")) {
            String body = mvc.perform(
                            get(page).accept(MediaType.TEXT_HTML).with(user(directory.loadUserByUsername("admin"))))
                    .andExpect(status().isBadRequest())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).as(page).contains("<html");
        }
    }

    Map<String, Object> intake(Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "type",
                "PETITION",
                "channel",
                "RECEPTION",
                "title",
                "Kiến nghị về đường giao thông",
                "description",
                "Nội dung kiến nghị",
                "unitId",
                2,
                "crowdSize",
                1,
                "petitioners",
                List.of(Map.of("fullName", "Trần Thị B"))));
        body.putAll(changes);
        return body;
    }

    @Test
    void malformedCasesAreRefusedNamingTheField() {
        Api officer = new Api(rest, "officer.congan");
        List<Object> nullPetitioner = new ArrayList<>();
        nullPetitioner.add(null);
        var missing = officer.post("/api/cases", intake(Map.of("petitioners", nullPetitioner)));
        assertThat(missing.getStatusCode().value()).isEqualTo(400);
        assertThat(missing.getBody().toString()).contains("petitioners");
        var fraction = officer.post("/api/cases", intake(Map.of("crowdSize", 1.5)));
        assertThat(fraction.getStatusCode().value()).isEqualTo(400);
        assertThat(fraction.getBody().toString()).contains("crowdSize");
        for (String title : List.of("Tiêu đề\u0000ẩn", "Tiêu đề \ud800 lỗi", "Tiêu đề \udc00")) {
            var refused = officer.post("/api/cases", intake(Map.of("title", title)));
            assertThat(refused.getStatusCode().value()).as(title).isEqualTo(400);
            assertThat(refused.getBody().toString()).contains("title").contains("validation.characters");
        }
        // the same through raw JSON escapes
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        String raw = "{\"type\":\"PETITION\",\"channel\":\"RECEPTION\",\"title\":\"A\\u0000B\",\"description\":\"x\","
                + "\"unitId\":2,\"petitioners\":[{\"fullName\":\"C\"}]}";
        assertThat(rest.withBasicAuth("officer.congan", "demo")
                        .postForEntity("/api/cases", new HttpEntity<>(raw, json), String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        // a form field too: the intake page shows the error beside the field
        assertThat(officer.post("/api/cases", intake(Map.of())).getStatusCode().value())
                .isEqualTo(201);
    }

    @Test
    void aDraftMustBeBpmnAndIsServedAsADownload() throws Exception {
        var designer = user(directory.loadUserByUsername("designer"));
        String page = "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><script>alert(1)</script>"
                + "</html>";
        mvc.perform(post("/designer/case-handling/draft")
                        .contentType(MediaType.APPLICATION_XML)
                        .content(page)
                        .with(csrf())
                        .with(designer))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/designer/case-handling/draft")
                        .contentType(MediaType.APPLICATION_XML)
                        .content("<a><b></a>")
                        .with(csrf())
                        .with(designer))
                .andExpect(status().isBadRequest());
        String bpmn = new String(SecurityPayloads.validProcess(), StandardCharsets.UTF_8);
        mvc.perform(post("/designer/case-handling/draft")
                        .contentType(MediaType.APPLICATION_XML)
                        .content(bpmn)
                        .with(csrf())
                        .with(designer))
                .andExpect(status().isNoContent());
        mvc.perform(get("/designer/case-handling/draft.xml").with(designer))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void aCaseTheOfficerMayNotSeeIsRefusedLikeOneThatDoesNotExist() {
        Api commune = new Api(rest, "officer.congan.minhxuan");
        Api province = new Api(rest, "officer.congan");
        String hidden = province.createCase(6, "PETITION", "Kiến nghị ở xã Yên Sơn, phường không thấy được");
        assertThat(commune.get("/api/cases/" + hidden).getStatusCode().value()).isEqualTo(404);
        String own = commune.createCase(4, "PETITION", "Kiến nghị ở phường Minh Xuân cần gộp");
        String task = commune.taskId(own, "Task_Accept");
        var intoHidden = commune.post(
                "/api/tasks/" + task + "/complete",
                Map.of("decision", "MERGE", "mergeInto", hidden, "reason", "Trùng với vụ việc đã có"));
        var intoNothing = commune.post(
                "/api/tasks/" + task + "/complete",
                Map.of("decision", "MERGE", "mergeInto", "VV-1999-999999", "reason", "Trùng với vụ việc đã có"));
        assertThat(intoHidden.getStatusCode().value()).isEqualTo(400);
        assertThat(intoNothing.getStatusCode().value()).isEqualTo(400);
        assertThat(intoHidden.getBody().get("errors"))
                .isEqualTo(intoNothing.getBody().get("errors"));
        assertThat(province.get("/api/cases/" + hidden).getBody().toString()).doesNotContain(own);
    }
}
