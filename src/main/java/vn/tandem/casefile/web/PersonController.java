package vn.tandem.casefile.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.tandem.casefile.PersonRegistry;
import vn.tandem.identity.TandemPrincipal;

/** A petitioner's page: the person and every case of theirs the reader may see, with its outcome. */
@Controller
class PersonController {

    private final PersonRegistry registry;

    PersonController(PersonRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/people/{id}")
    String person(@PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal, Model model) {
        model.addAttribute("view", registry.view(id, principal.user()));
        return "casefile/person";
    }
}
