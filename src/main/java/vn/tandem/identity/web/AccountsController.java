package vn.tandem.identity.web;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tandem.common.ConflictException;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.PageResponse;
import vn.tandem.identity.Accounts;
import vn.tandem.identity.AppUser;
import vn.tandem.identity.Directory;
import vn.tandem.identity.LoginThrottling;
import vn.tandem.identity.Role;

/**
 * Accounts for administrators: the list (with who is locked out), creating an account, changing a person's
 * agency, unit, roles and state, resetting a password, and lifting login blocks of accounts and addresses.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AccountsController {

    private final Accounts accounts;
    private final Directory directory;
    private final LoginThrottling throttling;

    AccountsController(Accounts accounts, Directory directory, LoginThrottling throttling) {
        this.accounts = accounts;
        this.directory = directory;
        this.throttling = throttling;
    }

    /** The form of an account (new or changed). */
    record AccountForm(String username, String fullName, String email, Long unitId, Set<Role> roles, Boolean enabled) {

        static AccountForm of(AppUser user) {
            return new AccountForm(
                    user.getUsername(),
                    user.getFullName(),
                    user.getEmail(),
                    user.getUnit().getId(),
                    user.getRoles(),
                    user.isEnabled());
        }

        public boolean isEnabled() {
            return enabled == null || enabled;
        }

        public Set<Role> roleSet() {
            return roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        }
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        var result = accounts.search(q, PageRequest.of(PageResponse.page(page, 50), 50, Sort.by("username")));
        model.addAttribute("users", result);
        model.addAttribute("q", q);
        model.addAttribute("blocked", throttling.blocked());
        model.addAttribute(
                "locked",
                result.getContent().stream()
                        .filter(accounts::isLocked)
                        .map(AppUser::getId)
                        .toList());
        return "identity/users";
    }

    @GetMapping("/admin/users/new")
    String newForm(Model model) {
        return form(new AccountForm(null, null, null, null, EnumSet.of(Role.OFFICER), true), null, model);
    }

    @PostMapping("/admin/users")
    String create(
            AccountForm form,
            @RequestParam(required = false) String password,
            Model model,
            RedirectAttributes redirect) {
        try {
            AppUser user = accounts.create(new Accounts.NewAccount(
                    form.username(), form.fullName(), form.email(), form.unitId(), form.roleSet(), password));
            redirect.addFlashAttribute("saved", user.getUsername());
            return "redirect:/admin/users/" + user.getId();
        } catch (InvalidInputException e) {
            model.addAttribute("errors", Forms.byField(e));
            return form(form, null, model);
        }
    }

    @GetMapping("/admin/users/{id}")
    String edit(@PathVariable long id, Model model) {
        AppUser user = accounts.get(id);
        model.addAttribute("locked", accounts.isLocked(user));
        return form(AccountForm.of(user), user, model);
    }

    @PostMapping("/admin/users/{id}")
    String change(@PathVariable long id, AccountForm form, Model model, RedirectAttributes redirect) {
        AppUser user = accounts.get(id);
        try {
            accounts.change(
                    id,
                    new Accounts.Change(
                            form.fullName(), form.email(), form.unitId(), form.roleSet(), form.isEnabled()));
            redirect.addFlashAttribute("saved", user.getUsername());
            return "redirect:/admin/users/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("errors", Forms.byField(e));
        } catch (ConflictException e) {
            model.addAttribute("conflict", e.messageCode());
        }
        model.addAttribute("locked", accounts.isLocked(user));
        return form(
                new AccountForm(
                        user.getUsername(), form.fullName(), form.email(), form.unitId(), form.roles(), form.enabled()),
                user,
                model);
    }

    @PostMapping("/admin/users/{id}/password")
    String resetPassword(
            @PathVariable long id,
            @RequestParam(required = false) String password,
            Model model,
            RedirectAttributes redirect) {
        AppUser user = accounts.get(id);
        try {
            accounts.resetPassword(id, password);
            redirect.addFlashAttribute("passwordReset", true);
            return "redirect:/admin/users/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("passwordErrors", Forms.byField(e));
            model.addAttribute("locked", accounts.isLocked(user));
            return form(AccountForm.of(user), user, model);
        }
    }

    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        accounts.unlock(id);
        redirect.addFlashAttribute("unlocked", true);
        return "redirect:/admin/users/" + id;
    }

    @PostMapping("/admin/users/blocks/unlock")
    String unlockKey(@RequestParam String key, RedirectAttributes redirect) {
        throttling.unlockKey(key);
        redirect.addFlashAttribute("unlockedKey", key);
        return "redirect:/admin/users#blocks";
    }

    private String form(AccountForm form, AppUser user, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("account", user);
        model.addAttribute("units", directory.units());
        model.addAttribute("agencies", directory.agencies());
        model.addAttribute("roles", Role.values());
        return "identity/user";
    }
}
