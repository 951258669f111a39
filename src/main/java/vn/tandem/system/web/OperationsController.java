package vn.tandem.system.web;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tandem.common.RedirectOnError;
import vn.tandem.identity.TandemPrincipal;
import vn.tandem.process.EngineOperations;
import vn.tandem.system.Operations;

/** The operator's console page: the job executor, the incidents, retrying many, one incident with its stack. */
@Controller
class OperationsController {

    private final Operations operations;
    private final MessageSource messages;

    OperationsController(Operations operations, MessageSource messages) {
        this.operations = operations;
        this.messages = messages;
    }

    @GetMapping("/admin/operations")
    String console(@AuthenticationPrincipal TandemPrincipal principal, Model model) {
        model.addAttribute("executor", operations.executor(principal.user()));
        model.addAttribute("incidents", operations.incidents(principal.user()));
        return "system/operations";
    }

    @GetMapping("/admin/operations/incidents/{id}")
    String incident(@PathVariable String id, @AuthenticationPrincipal TandemPrincipal principal, Model model) {
        model.addAttribute("item", operations.incident(id, principal.user()));
        return "system/incident";
    }

    @PostMapping("/admin/operations/retry")
    @RedirectOnError(value = "/admin/operations", form = "retry-form")
    String retry(
            @RequestParam(name = "ids", required = false) List<String> ids,
            @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect,
            Locale locale) {
        EngineOperations.RetryResult result = operations.retry(ids, principal.user());
        redirect.addFlashAttribute(
                "success",
                messages.getMessage(
                        "operations.retried",
                        new Object[] {
                            result.retried().size(),
                            result.notRetriable().size() + result.notFound().size()
                        },
                        locale));
        return "redirect:/admin/operations";
    }

    @PostMapping("/admin/operations/incidents/{id}/resolve")
    @RedirectOnError(value = "/admin/operations/incidents/{id}", form = "resolve-form")
    String resolve(
            @PathVariable String id,
            @RequestParam(required = false) String note,
            @AuthenticationPrincipal TandemPrincipal principal,
            RedirectAttributes redirect,
            Locale locale) {
        operations.resolve(id, note, principal.user());
        redirect.addFlashAttribute("success", messages.getMessage("operations.resolved", null, locale));
        return "redirect:/admin/operations";
    }
}
