package vn.tandem.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import vn.tandem.common.web.FailedForm;

/**
 * One submission per creating form. The form carries a one-time token ({@code <input type="hidden" name="_once"
 * th:value="${@once.token()}">}); the first post with it does the work and remembers where it led (the new case's
 * page); posting it again — Back and submit, a double click, a resent request, on this node or another — leads there
 * too, with a note, and creates nothing. A post refused for its input releases its token, so the corrected form can be
 * sent. The tokens are kept in the database with the API's idempotency keys ({@link IdempotencyRecords}).
 */
@Component("once")
public class OnceTokens implements HandlerInterceptor {

    static final String PARAMETER = "_once";
    private static final String ATTRIBUTE = OnceTokens.class.getName();
    private static final String FORM = "form";
    private static final long WAIT_MILLIS = 10_000;
    private static final long POLL_MILLIS = 100;
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f-]{36}");

    private final MessageSource messages;
    private final ObjectProvider<IdempotencyRecords> store;

    /** The store is absent only in a web slice test: the tokens are then not checked. */
    OnceTokens(MessageSource messages, ObjectProvider<IdempotencyRecords> store) {
        this.messages = messages;
        this.store = store;
    }

    /** A new token for a form being rendered. */
    public String token() {
        return UUID.randomUUID().toString();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        String token = request.getParameter(PARAMETER);
        String owner = owner(request);
        IdempotencyRecords records = store.getIfAvailable();
        if (!"POST".equals(request.getMethod())
                || token == null
                || owner == null
                || records == null
                || !TOKEN.matcher(token).matches()) {
            return true;
        }
        Optional<IdempotencyRecords.Record> first = records.claim(IdempotencyRecords.Scope.FORM, owner, token, FORM);
        if (first.isEmpty()) {
            request.setAttribute(ATTRIBUTE, token);
            return true;
        }
        String outcome = awaitOutcome(records, owner, token, first.get());
        boolean done = outcome != null;
        // done: where the first submission led; otherwise it is still running or failed: back to the form
        String target = done ? request.getContextPath() + outcome : PageLinks.backFrom(request);
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put(
                done ? "info" : "error",
                messages.getMessage(
                        done ? "form.alreadySent" : "form.stillSending", null, LocaleContextHolder.getLocale()));
        RequestContextUtils.saveOutputFlashMap(target, request, response);
        response.sendRedirect(target);
        return false;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
        String token = (String) request.getAttribute(ATTRIBUTE);
        if (token == null || mav == null || mav.getViewName() == null) {
            return;
        }
        String view = mav.getViewName();
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        boolean refused = flash.containsKey(FailedForm.NAME) || flash.containsKey("error");
        if (view.startsWith("redirect:/") && !refused) {
            store.getObject()
                    .complete(
                            IdempotencyRecords.Scope.FORM,
                            owner(request),
                            token,
                            303,
                            null,
                            view.substring("redirect:".length()),
                            null);
            request.removeAttribute(ATTRIBUTE);
        }
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        String token = (String) request.getAttribute(ATTRIBUTE);
        if (token != null) {
            // no successful redirect recorded: the form was refused or failed; the same token may be sent again
            store.getObject().release(IdempotencyRecords.Scope.FORM, owner(request), token);
        }
    }

    /** A second post that arrives while the first is still running waits for its outcome (a double click). */
    private static String awaitOutcome(
            IdempotencyRecords records, String owner, String token, IdempotencyRecords.Record seen)
            throws InterruptedException {
        long until = System.currentTimeMillis() + WAIT_MILLIS;
        IdempotencyRecords.Record record = seen;
        while (!record.completed() && System.currentTimeMillis() < until) {
            Thread.sleep(POLL_MILLIS);
            Optional<IdempotencyRecords.Record> now = records.find(IdempotencyRecords.Scope.FORM, owner, token);
            if (now.isEmpty()) {
                return null;
            }
            record = now.get();
        }
        return record.completed() ? record.location() : null;
    }

    private static String owner(HttpServletRequest request) {
        return request.getUserPrincipal() == null
                ? null
                : request.getUserPrincipal().getName();
    }
}
