package vn.tandem.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import vn.tandem.process.TandemClock;
import vn.tandem.process.Workflow;
import vn.tandem.support.Api;
import vn.tandem.support.TandemIntegrationTest;

/**
 * An at-risk task notifies its officers in the app (the bell) and, with SMTP configured, by e-mail — checked
 * against an in-process SMTP server (GreenMail).
 */
@TandemIntegrationTest
class NotificationMailIT {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    TandemClock clock;

    @Autowired
    Workflow workflow;

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAtRiskTaskNotifiesItsOfficersInTheBellAndByEmail() throws Exception {
        clock.setTime(LocalDateTime.of(2028, 9, 12, 9, 0).atZone(VN).toInstant());
        Api officer = new Api(rest, "officer.danvan");
        long unreadBefore =
                ((Number) officer.get("/api/notifications").getBody().get("unread")).longValue();
        // a Dân vận complaint: acceptance target 5 days, 17/09 is a Sunday -> Monday 18/09; 5 of 6 days on 17/09
        String code = officer.createCase(1, "COMPLAINT", "Khiếu nại thử nghiệm thông báo thư điện tử");
        clock.setTime(LocalDateTime.of(2028, 9, 18, 9, 0).atZone(VN).toInstant());
        workflow.executeDueJobs();
        Map<String, Object> bell = officer.get("/api/notifications?limit=200").getBody();
        long unread = ((Number) bell.get("unread")).longValue();
        assertThat(unread).isGreaterThan(unreadBefore);
        // due jobs of other tests' cases may fire too at this date: look at this case's notices
        List<Map<String, Object>> mine = ((List<Map<String, Object>>) bell.get("items"))
                .stream().filter(n -> code.equals(n.get("caseCode"))).toList();
        assertThat(mine).hasSize(1);
        Map<String, Object> latest = mine.get(0);
        assertThat(latest)
                .containsEntry("kind", "AT_RISK")
                .containsEntry("link", "/cases/" + code)
                .containsEntry("unread", true);
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        List<MimeMessage> mails = Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getSubject().contains(code);
                    } catch (MessagingException e) {
                        return false;
                    }
                })
                .toList();
        assertThat(mails).extracting(m -> m.getAllRecipients()[0].toString()).contains("officer.danvan@tandem.local");
        assertThat(GreenMailUtil.getBody(mails.get(0))).contains("/cases/" + code);
        assertThat(mails).allSatisfy(m -> assertThat(m.getFrom()[0].toString()).isEqualTo("tandem@tandem.local"));
        // the bell fragment shows the count; opening the notice marks it read and goes to the case
        var page = rest.withBasicAuth("officer.danvan", "demo").getForEntity("/notifications/bell", String.class);
        assertThat(page.getBody()).contains("id=\"bell-count\"");
        assertThat(officer.post("/api/notifications/" + latest.get("id") + "/read", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(((Number) officer.get("/api/notifications").getBody().get("unread")).longValue())
                .isEqualTo(unread - 1);
        assertThat(new Api(rest, "officer.congan")
                        .post("/api/notifications/" + latest.get("id") + "/read", Map.of())
                        .getStatusCode()
                        .value())
                .as("someone else's notice")
                .isEqualTo(404);
    }
}
