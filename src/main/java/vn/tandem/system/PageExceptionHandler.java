package vn.tandem.system;

import static java.nio.charset.StandardCharsets.UTF_8;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriUtils;
import vn.tandem.common.RedirectOnError;
import vn.tandem.common.TandemException;
import vn.tandem.common.web.FailedForm;

/** Errors on pages: a friendly page in the user's language with the right status, never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    private static final Pattern FORM_ID = Pattern.compile("[a-z0-9-]{1,60}");

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
            String form = formId(back, request);
            if (form.isEmpty()) {
                RequestContextUtils.getOutputFlashMap(request).put("error", reason(e));
            } else {
                var locale = LocaleContextHolder.getLocale();
                Map<String, String> errors = new LinkedHashMap<>();
                e.fieldProblems()
                        .forEach(p -> errors.merge(
                                p.field(), messages.getMessage(p.code(), p.args(), p.code(), locale), (a, b) -> a));
                String message = e.fieldProblems().isEmpty()
                        ? messages.getMessage(e.messageCode(), e.args(), e.messageCode(), locale)
                        : null;
                backToForm(form, request, errors, message);
            }
            return "redirect:" + target(back, form, request);
        }
        return page(e.status(), e.messageCode(), e.args(), model, response);
    }

    /** A form bound to a record and refused by its constraints: back to its page like a service's refusal. */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    String invalid(
            MethodArgumentNotValidException e,
            HandlerMethod handler,
            HttpServletRequest request,
            Model model,
            HttpServletResponse response) {
        RedirectOnError back = handler == null ? null : handler.getMethodAnnotation(RedirectOnError.class);
        if (back == null) {
            return page(400, "error.validation", new Object[0], model, response);
        }
        var locale = LocaleContextHolder.getLocale();
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.merge(error.getField(), messages.getMessage(error, locale), (a, b) -> a);
        }
        String form = formId(back, request);
        if (form.isEmpty()) {
            RequestContextUtils.getOutputFlashMap(request).put("error", String.join(" ", errors.values()));
        } else {
            backToForm(form, request, errors, null);
        }
        return "redirect:" + target(back, form, request);
    }

    /**
     * The refused form: the one the page names in its hidden {@code _form} field (a page may post several forms to
     * one handler), else the handler's.
     */
    static String formId(RedirectOnError back, HttpServletRequest request) {
        String named = request.getParameter("_form");
        if (named != null && FORM_ID.matcher(named).matches()) {
            return named;
        }
        return expand(back.form(), request);
    }

    /** The page to go back to, scrolled to the refused form when there is one. */
    private static String target(RedirectOnError back, String form, HttpServletRequest request) {
        String page = expand(back.value(), request);
        if (form.isEmpty()) {
            return page;
        }
        int hash = page.indexOf('#');
        return (hash < 0 ? page : page.substring(0, hash)) + "#" + form;
    }

    private static void backToForm(
            String form, HttpServletRequest request, Map<String, String> errors, String message) {
        RequestContextUtils.getOutputFlashMap(request)
                .put(FailedForm.NAME, new FailedForm(form, errors, FailedForm.typedIn(request), message));
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
