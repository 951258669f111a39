package vn.tandem.citizen.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.tandem.citizen.CaseStatusLookup;
import vn.tandem.common.TooManyRequestsException;

/**
 * The public status page ({@code /public/status}, no login): a citizen types the case code and the phone number
 * given at intake and reads where the matter stands. The form posts, so the phone number stays out of addresses and
 * access logs.
 */
@Controller
class StatusPageController {

    private final CaseStatusLookup lookup;

    StatusPageController(CaseStatusLookup lookup) {
        this.lookup = lookup;
    }

    @GetMapping("/public/status")
    String form() {
        return "citizen/status";
    }

    @PostMapping("/public/status")
    String lookUp(
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String phone,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("code", code);
        if (code == null || code.isBlank() || phone == null || phone.isBlank()) {
            model.addAttribute("missing", true);
            response.setStatus(400);
            return "citizen/status";
        }
        try {
            Optional<CaseStatusLookup.Answer> answer = lookup.lookUp(code, phone, request.getRemoteAddr());
            if (answer.isPresent()) {
                model.addAttribute("answer", answer.get());
            } else {
                model.addAttribute("notFound", true);
                response.setStatus(404);
            }
        } catch (TooManyRequestsException e) {
            model.addAttribute("tooMany", true);
            response.setStatus(429);
        }
        return "citizen/status";
    }
}
