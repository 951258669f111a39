package vn.tandem.designer.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.Reason;
import vn.tandem.process.Deployments;

/**
 * The engine's deployments for administrators, and the confirmed delete of a deployment that holds cases: the
 * page shows what would be removed and asks for a reason and an explicit confirmation.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class DeploymentsController {

    private final Deployments deployments;

    DeploymentsController(Deployments deployments) {
        this.deployments = deployments;
    }

    @GetMapping("/admin/deployments")
    String list(Model model) {
        model.addAttribute("deployments", deployments.all());
        return "designer/deployments";
    }

    @GetMapping("/admin/deployments/{id}/delete")
    String confirm(@PathVariable String id, Model model) {
        model.addAttribute("deployment", deployments.get(id));
        return "designer/deployment-delete";
    }

    @PostMapping("/admin/deployments/{id}/delete")
    String delete(
            @PathVariable String id,
            @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Model model,
            RedirectAttributes redirect) {
        Deployments.Item item = deployments.get(id);
        if (!confirmed) {
            model.addAttribute("deployment", item);
            model.addAttribute("reason", reason);
            model.addAttribute("confirmError", true);
            return "designer/deployment-delete";
        }
        try {
            deployments.delete(id, reason);
        } catch (InvalidInputException e) {
            model.addAttribute("deployment", item);
            model.addAttribute("reason", reason);
            model.addAttribute("reasonError", e.fieldProblems().get(0));
            return "designer/deployment-delete";
        }
        redirect.addFlashAttribute("deletedDeployment", item);
        return "redirect:/admin/deployments";
    }

    /** The same over the API. */
    @RestController
    @PreAuthorize("hasRole('ADMIN')")
    @Tag(name = "Administration")
    static class Api {

        private final Deployments deployments;

        Api(Deployments deployments) {
            this.deployments = deployments;
        }

        /** Why a deployment and its cases' process data are deleted. */
        record DeleteRequest(@Reason String reason) {}

        @GetMapping("/api/admin/deployments")
        @Operation(summary = "Deployments with the case instances each holds (administrators)")
        List<Deployments.Item> list() {
            return deployments.all();
        }

        @PostMapping("/api/admin/deployments/{id}/delete")
        @Operation(
                summary = "Delete a deployment with its running and historic case instances (administrators; "
                        + "a reason of at least 10 characters; audited)")
        ResponseEntity<Deployments.Item> delete(
                @PathVariable String id, @Valid @RequestBody(required = false) DeleteRequest body) {
            return ResponseEntity.ok(deployments.delete(id, body == null ? null : body.reason()));
        }
    }
}
