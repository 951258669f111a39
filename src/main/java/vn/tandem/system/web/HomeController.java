package vn.tandem.system.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page is the user's inbox. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "redirect:/inbox";
    }
}
