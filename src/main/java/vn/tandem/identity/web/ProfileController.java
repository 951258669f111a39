package vn.tandem.identity.web;

import java.time.Clock;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tandem.common.InvalidInputException;
import vn.tandem.identity.AccessTokens;
import vn.tandem.identity.Accounts;
import vn.tandem.identity.TandemPrincipal;

/** Every user's own page: who they are, changing their password, and their personal API tokens. */
@Controller
class ProfileController {

    private final Accounts accounts;
    private final AccessTokens tokens;
    private final Clock clock;

    ProfileController(Accounts accounts, AccessTokens tokens, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping("/profile")
    String page(@AuthenticationPrincipal TandemPrincipal principal, Model model) {
        model.addAttribute("me", principal.user());
        model.addAttribute("tokens", tokens.of(principal.user()));
        model.addAttribute("now", clock.instant());
        return "identity/profile";
    }

    @PostMapping("/profile/password")
    String changePassword(
            @RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String confirmation,
            @AuthenticationPrincipal TandemPrincipal principal,
            Model model,
            RedirectAttributes redirect) {
        try {
            accounts.changeOwnPassword(principal.user(), currentPassword, password, confirmation);
        } catch (InvalidInputException e) {
            model.addAttribute("passwordErrors", Forms.byField(e));
            return page(principal, model);
        }
        redirect.addFlashAttribute("passwordChanged", true);
        return "redirect:/profile";
    }

    @PostMapping("/profile/tokens")
    String createToken(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) Integer expiresInDays,
            @AuthenticationPrincipal TandemPrincipal principal,
            Model model,
            RedirectAttributes redirect) {
        try {
            AccessTokens.Issued issued = tokens.issue(principal.user(), name, expiresInDays);
            redirect.addFlashAttribute("newToken", issued.secret());
            redirect.addFlashAttribute("newTokenName", issued.token().getName());
        } catch (InvalidInputException e) {
            model.addAttribute("tokenErrors", Forms.byField(e));
            model.addAttribute("tokenName", name);
            model.addAttribute("tokenDays", expiresInDays);
            return page(principal, model);
        }
        return "redirect:/profile#tokens";
    }

    @PostMapping("/profile/tokens/{id}/revoke")
    String revokeToken(
            @PathVariable long id, @AuthenticationPrincipal TandemPrincipal principal, RedirectAttributes redirect) {
        tokens.revoke(principal.user(), id);
        redirect.addFlashAttribute("tokenRevoked", true);
        return "redirect:/profile#tokens";
    }
}
