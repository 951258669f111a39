package vn.tandem.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The login page, also as the answer to a throttled login (429, with how long to wait). */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "identity/login";
    }

    /** Reached by a forward from the login throttle, which has set the status 429 and {@code Retry-After}. */
    @RequestMapping("/login/throttled")
    String throttled(HttpServletRequest request, Model model) {
        Object wait = request.getAttribute("retryAfter");
        long seconds = wait instanceof Number n ? n.longValue() : 60;
        model.addAttribute("retryMinutes", Math.max(1, (seconds + 59) / 60));
        model.addAttribute("throttled", true);
        return "identity/login";
    }
}
