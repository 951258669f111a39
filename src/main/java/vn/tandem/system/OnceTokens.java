package vn.tandem.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
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
 * page); posting it again — Back and submit, a double click, a resent request — leads there too, with a note, and
 * creates nothing. A post refused for its input releases its token, so the corrected form can be sent.
 */
@Component("once")
public class OnceTokens implements HandlerInterceptor {

    static final String PARAMETER = "_once";
    private static final String SESSION_KEY = OnceTokens.class.getName();
    private static final String PENDING = "";
    private static final int KEEP = 200;
    private static final long WAIT_MILLIS = 10_000;
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f-]{36}");

    private final MessageSource messages;

    OnceTokens(MessageSource messages) {
        this.messages = messages;
    }

    /** A new token for a form being rendered. */
    public String token() {
        return UUID.randomUUID().toString();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        String token = request.getParameter(PARAMETER);
        if (!"POST".equals(request.getMethod())
                || token == null
                || !TOKEN.matcher(token).matches()) {
            return true;
        }
        Map<String, String> used = used(request.getSession());
        String outcome;
        synchronized (used) {
            outcome = used.putIfAbsent(token, PENDING);
        }
        if (outcome == null) {
            request.setAttribute(SESSION_KEY, token);
            return true;
        }
        outcome = awaitOutcome(used, token, outcome);
        boolean done = outcome != null && !outcome.isEmpty();
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
        String token = (String) request.getAttribute(SESSION_KEY);
        if (token == null || mav == null || mav.getViewName() == null) {
            return;
        }
        String view = mav.getViewName();
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        boolean refused = flash.containsKey(FailedForm.NAME) || flash.containsKey("error");
        if (view.startsWith("redirect:/") && !refused) {
            Map<String, String> used = used(request.getSession());
            synchronized (used) {
                used.put(token, view.substring("redirect:".length()));
                used.notifyAll();
            }
            request.removeAttribute(SESSION_KEY);
        }
    }

    @Override
    public void afterCompletion(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        String token = (String) request.getAttribute(SESSION_KEY);
        if (token == null) {
            return;
        }
        // no successful redirect recorded: the form was refused or failed; the same token may be sent again
        HttpSession session = request.getSession(false);
        if (session != null) {
            Map<String, String> used = used(session);
            synchronized (used) {
                used.remove(token);
                used.notifyAll();
            }
        }
    }

    /** A second post that arrives while the first is still running waits for its outcome (a double click). */
    private static String awaitOutcome(Map<String, String> used, String token, String seen)
            throws InterruptedException {
        long until = System.currentTimeMillis() + WAIT_MILLIS;
        synchronized (used) {
            String outcome = seen;
            while (PENDING.equals(outcome) && System.currentTimeMillis() < until) {
                used.wait(Math.max(1, until - System.currentTimeMillis()));
                outcome = used.get(token);
            }
            return outcome;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> used(HttpSession session) {
        synchronized (session.getId().intern()) {
            Object existing = session.getAttribute(SESSION_KEY);
            if (existing instanceof Map<?, ?> map) {
                return (Map<String, String>) map;
            }
            Map<String, String> used = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > KEEP;
                }
            });
            session.setAttribute(SESSION_KEY, used);
            return used;
        }
    }
}
