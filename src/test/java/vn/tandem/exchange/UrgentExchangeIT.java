package vn.tandem.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import vn.tandem.identity.Directory;
import vn.tandem.process.InformationRequestProcess;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/** An urgent request reaches the asked agency at once and stands out in its inbox; the answer brings a document. */
@TandemIntegrationTest
class UrgentExchangeIT {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    WebApplicationContext context;

    @Autowired
    Directory directory;

    @Test
    @SuppressWarnings("unchecked")
    void anUrgentRequestIsNotifiedAndMarkedAndItsAnswerCarriesADocument() throws Exception {
        Api congan = new Api(rest, "officer.congan");
        Api danvan = new Api(rest, "officer.danvan");
        String code = congan.createCase(2, "INCIDENT", "Tụ tập đông người trước trụ sở xã");
        long before = notices("officer.danvan", code).size();
        assertThat(congan.post(
                                "/api/cases/" + code + "/information-requests",
                                Map.of(
                                        "toAgency",
                                        "DANVAN",
                                        "urgency",
                                        "URGENT",
                                        "question",
                                        "Đề nghị cho biết ngay tâm lý người dân tại thôn 3"))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        List<Map<String, Object>> notices = notices("officer.danvan", code);
        assertThat(notices).hasSize((int) before + 1);
        assertThat(notices.get(0))
                .containsEntry("kind", "URGENT_REQUEST")
                .containsEntry("link", "/cases/" + code + "#exchange");
        assertThat((String) notices.get(0).get("titleEn")).contains("URGENTLY", code);
        // the asking agency hears nothing about its own request
        assertThat(notices("officer.congan", code)).noneMatch(n -> "URGENT_REQUEST".equals(n.get("kind")));

        // marked in the asked agency's inbox, named in the reader's language
        HttpHeaders english = new HttpHeaders();
        english.set(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9");
        var inbox = rest.withBasicAuth("officer.danvan", "demo")
                .exchange("/api/tasks?scope=group&q=" + code, HttpMethod.GET, new HttpEntity<>(english), Api.JSON);
        Map<String, Object> item = ((List<Map<String, Object>>) inbox.getBody().get("items"))
                .stream()
                        .filter(i -> InformationRequestProcess.TASK_ANSWER.equals(i.get("key")))
                        .findFirst()
                        .orElseThrow();
        assertThat(item).containsEntry("urgent", true).containsEntry("name", "Answer the request for information");

        // the answer, from the task page, with a document
        String taskId = (String) item.get("id");
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(SecurityMockMvcConfigurers.springSecurity())
                .build();
        mvc.perform(multipart("/tasks/" + taskId)
                        .file(new MockMultipartFile(
                                "file",
                                "bien-ban-thon-3.txt",
                                "text/plain",
                                "Biên bản làm việc với người dân thôn 3.".getBytes(StandardCharsets.UTF_8)))
                        .param("answer", "Người dân bức xúc về tiến độ bồi thường, chưa có dấu hiệu kích động.")
                        .with(csrf())
                        .with(user(directory.loadUserByUsername("officer.danvan"))))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/inbox"));
        Map<String, Object> detail = congan.get("/api/cases/" + code).getBody();
        assertThat(detail.toString()).contains("bien-ban-thon-3.txt");
        assertThat(danvan.taskId(code, InformationRequestProcess.TASK_ANSWER)).isNull();
    }

    @Test
    void theApiAnswersInTheLanguageTheClientAsksFor() {
        HttpHeaders english = new HttpHeaders();
        english.set(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.8,vi;q=0.5");
        HttpHeaders french = new HttpHeaders();
        french.set(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR");
        var api = rest.withBasicAuth("officer.congan", "demo");
        assertThat(api.exchange("/api/cases/VV-0", HttpMethod.GET, new HttpEntity<>(english), Api.JSON)
                        .getBody())
                .containsEntry("detail", "Case VV-0 not found.");
        // ?lang= overrides the header; a language Tandem does not speak gets Vietnamese
        assertThat(api.exchange("/api/cases/VV-0?lang=vi", HttpMethod.GET, new HttpEntity<>(english), Api.JSON)
                        .getBody())
                .containsEntry("detail", "Không tìm thấy vụ việc VV-0.");
        assertThat(api.exchange("/api/cases/VV-0", HttpMethod.GET, new HttpEntity<>(french), Api.JSON)
                        .getBody())
                .containsEntry("detail", "Không tìm thấy vụ việc VV-0.");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> notices(String user, String code) {
        var body = new Api(rest, user).get("/api/notifications?limit=200").getBody();
        return ((List<Map<String, Object>>) body.get("items"))
                .stream().filter(n -> code.equals(n.get("caseCode"))).toList();
    }
}
