package vn.tandem.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "identity/login";
    }
}
