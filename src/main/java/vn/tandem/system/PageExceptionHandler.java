package vn.tandem.system;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.tandem.common.TandemException;

/** Errors on pages: a friendly page in the user's language with the right status, never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private final MessageSource messages;

    PageExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(TandemException.class)
    String tandem(TandemException e, Model model, HttpServletResponse response) {
        return page(e.status(), e.messageCode(), e.args(), model, response);
    }

    @ExceptionHandler(ConcurrencyFailureException.class)
    String conflict(Model model, HttpServletResponse response) {
        return page(409, "error.conflict", new Object[0], model, response);
    }

    /** A page the user's role may not open: the styled page with 403, not the API's problem detail. */
    @ExceptionHandler(AccessDeniedException.class)
    String denied(Model model, HttpServletResponse response) {
        return page(403, "error.forbidden", new Object[0], model, response);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badRequest(Model model, HttpServletResponse response) {
        return page(400, "error.badRequest", new Object[0], model, response);
    }

    private String page(int status, String code, Object[] args, Model model, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", messages.getMessage(code, args, code, LocaleContextHolder.getLocale()));
        return "error";
    }
}
