package vn.tandem.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.tandem.common.NotFoundException;
import vn.tandem.common.Text;
import vn.tandem.identity.Directory;

/**
 * Sends notices: one in-app notification per recipient (in the caller's transaction) and, when SMTP is configured
 * ({@code spring.mail.host}), one e-mail per recipient with an address, sent after the transaction commits so a
 * rollback sends nothing and a mail failure never undoes the work.
 */
@Service
@Transactional
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final Notifications notifications;
    private final Directory directory;
    private final ObjectProvider<JavaMailSender> mail;
    private final Clock clock;
    private final String from;
    private final String baseUrl;
    private final MessageSource messages;
    private final ObjectMapper json;

    Notifier(
            Notifications notifications,
            Directory directory,
            ObjectProvider<JavaMailSender> mail,
            Clock clock,
            MessageSource messages,
            ObjectMapper json,
            @Value("${tandem.mail.from:tandem@localhost}") String from,
            @Value("${tandem.base-url:http://localhost:8080}") String baseUrl) {
        this.notifications = notifications;
        this.directory = directory;
        this.mail = mail;
        this.clock = clock;
        this.from = from;
        this.baseUrl = baseUrl;
        this.messages = messages;
        this.json = json;
    }

    /**
     * A notice to each recipient (duplicates ignored). Its words are a message key with arguments, shown in each
     * reader's language (the Vietnamese and English wording is also kept for e-mail and exports).
     */
    public void notify(
            Collection<String> recipients,
            Notification.Kind kind,
            Long caseId,
            String caseCode,
            Text message,
            String link) {
        String vi = message.render(messages, VIETNAMESE);
        String en = message.render(messages, Locale.ENGLISH);
        String stored = toJson(message);
        List<Notification> sent = new LinkedHashSet<>(recipients)
                .stream()
                        .map(r -> notifications.save(
                                new Notification(r, kind, caseId, caseCode, vi, en, stored, link, clock.instant())))
                        .toList();
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || sent.isEmpty()) {
            return;
        }
        Runnable send = () -> sent.forEach(n -> email(sender, n));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }

    private void email(JavaMailSender sender, Notification n) {
        String address = directory.email(n.getRecipient()).orElse(null);
        if (address == null) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(address);
        message.setSubject("[Tandem] " + n.getTitleVi());
        message.setText(n.getTitleVi() + "\n" + n.getTitleEn() + "\n\n"
                + (n.getLink() == null ? baseUrl : baseUrl + n.getLink()) + "\n");
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn("Could not e-mail notification {} to {}: {}", n.getId(), n.getRecipient(), e.getMessage());
        }
    }

    /** A notice's title in the reader's language (templates: {@code @notifier.title(n, #locale)}). */
    public String title(Notification n, Locale locale) {
        if (n.getMessage() != null) {
            try {
                return json.readValue(n.getMessage(), Text.class).render(messages, locale);
            } catch (JsonProcessingException e) {
                log.warn("Unreadable notice text {}: {}", n.getId(), e.getMessage());
            }
        }
        return n.writtenTitle(locale);
    }

    private String toJson(Text text) {
        try {
            return json.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(readOnly = true)
    public long unread(String username) {
        return notifications.countByRecipientAndReadAtIsNull(username);
    }

    @Transactional(readOnly = true)
    public List<Notification> latest(String username, int limit) {
        return notifications.findByRecipientOrderByCreatedAtDescIdDesc(username, PageRequest.of(0, limit));
    }

    /** Marks one of the user's notifications read; someone else's answers 404. */
    public Notification read(long id, String username) {
        Notification n = notifications
                .findById(id)
                .filter(x -> x.getRecipient().equals(username))
                .orElseThrow(() -> new NotFoundException("notification.notFound"));
        n.markRead(clock.instant());
        return n;
    }

    public int readAll(String username) {
        List<Notification> unread = notifications.findByRecipientAndReadAtIsNull(username);
        unread.forEach(n -> n.markRead(clock.instant()));
        return unread.size();
    }
}
