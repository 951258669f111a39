package vn.tandem.system;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.stream.Collectors;
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
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriUtils;
import vn.tandem.common.RedirectOnError;
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
    String tandem(
            TandemException e,
            HandlerMethod handler,
            HttpServletRequest request,
            Model model,
            HttpServletResponse response) {
        RedirectOnError back = handler == null ? null : handler.getMethodAnnotation(RedirectOnError.class);
        if (back != null && (e.status() == 400 || e.status() == 409)) {
            RequestContextUtils.getOutputFlashMap(request).put("error", reason(e));
            return "redirect:" + expand(back.value(), request);
        }
        return page(e.status(), e.messageCode(), e.args(), model, response);
    }

    /** The reason in the user's language: each field's problem, or the exception's own message. */
    private String reason(TandemException e) {
        var locale = LocaleContextHolder.getLocale();
        if (e.fieldProblems().isEmpty()) {
            return messages.getMessage(e.messageCode(), e.args(), e.messageCode(), locale);
        }
        return e.fieldProblems().stream()
                .map(p -> messages.getMessage(p.code(), p.args(), p.code(), locale))
                .distinct()
                .collect(Collectors.joining(" "));
    }

    /** The page's path with the handler's path variables filled in. */
    @SuppressWarnings("unchecked")
    static String expand(String template, HttpServletRequest request) {
        Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String path = template;
        if (vars instanceof Map<?, ?> map) {
            for (Map.Entry<String, String> v : ((Map<String, String>) map).entrySet()) {
                path = path.replace("{" + v.getKey() + "}", UriUtils.encodePathSegment(v.getValue(), UTF_8));
            }
        }
        return path;
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
