package vn.tandem.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.notification.Notification;
import vn.tandem.notification.Notifier;

/** The bell (an htmx fragment polled by every page), the list of one's notifications, and marking them read. */
@Controller
@RequestMapping("/notifications")
class NotificationController {

    private final Notifier notifier;

    NotificationController(Notifier notifier) {
        this.notifier = notifier;
    }

    @GetMapping("/bell")
    String bell(@AuthenticationPrincipal TandemPrincipal principal, Model model) {
        String user = principal.user().username();
        model.addAttribute("unread", notifier.unread(user));
        model.addAttribute("latest", notifier.latest(user, 8));
        return "notification/bell :: bell";
    }

    /** The unread count alone, polled by the bell every minute (the open menu is left alone). */
    @GetMapping("/count")
    String count(@AuthenticationPrincipal TandemPrincipal principal, Model model) {
        model.addAttribute("unread", notifier.unread(principal.user().username()));
        return "notification/bell :: count";
    }

    @GetMapping
    String list(@AuthenticationPrincipal TandemPrincipal principal, Model model) {
        String user = principal.user().username();
        model.addAttribute("unread", notifier.unread(user));
        model.addAttribute("notifications", notifier.latest(user, 200));
        return "notification/list";
    }

    /** Opens a notification: marks it read and goes to the page it points to. */
    @PostMapping("/{id}/read")
    String read(@PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal) {
        Notification n = notifier.read(id, principal.user().username());
        return "redirect:" + (n.getLink() == null || !n.getLink().startsWith("/") ? "/notifications" : n.getLink());
    }

    @PostMapping("/read-all")
    String readAll(@AuthenticationPrincipal TandemPrincipal principal) {
        notifier.readAll(principal.user().username());
        return "redirect:/notifications";
    }

    /** The same over JSON. */
    @RestController
    @RequestMapping("/api/notifications")
    @Tag(name = "Notifications", description = "The signed-in user's in-app notifications")
    static class Api {

        private final Notifier notifier;

        Api(Notifier notifier) {
            this.notifier = notifier;
        }

        record Item(
                long id,
                String kind,
                String caseCode,
                String title,
                String titleEn,
                String link,
                Instant createdAt,
                boolean unread) {}

        record Inbox(long unread, List<Item> items) {}

        @GetMapping
        @Operation(summary = "Unread count and the latest notifications (newest first)")
        Inbox list(@RequestParam(defaultValue = "50") int limit, @AuthenticationPrincipal TandemPrincipal principal) {
            String user = principal.user().username();
            return new Inbox(
                    notifier.unread(user),
                    notifier.latest(user, Math.max(1, Math.min(limit, 200))).stream()
                            .map(n -> new Item(
                                    n.getId(),
                                    n.getKind().name(),
                                    n.getCaseCode(),
                                    notifier.title(n, Locale.forLanguageTag("vi")),
                                    notifier.title(n, Locale.ENGLISH),
                                    n.getLink(),
                                    n.getCreatedAt(),
                                    n.isUnread()))
                            .toList());
        }

        @PostMapping("/{id}/read")
        @Operation(summary = "Mark one notification read")
        ResponseEntity<Void> read(@PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal) {
            notifier.read(id, principal.user().username());
            return ResponseEntity.noContent().build();
        }

        @PostMapping("/read-all")
        @Operation(summary = "Mark all of one's notifications read")
        Map<String, Integer> readAll(@AuthenticationPrincipal TandemPrincipal principal, Locale locale) {
            return Map.of("marked", notifier.readAll(principal.user().username()));
        }
    }
}
