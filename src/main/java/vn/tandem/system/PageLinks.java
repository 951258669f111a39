package vn.tandem.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links every page needs. The language switch ({@code ${@links.switchTo('en')}}): the same page with its filters, in
 * the other language. A page shown in answer to a form post (a form with its errors) cannot be fetched again, so
 * the switch goes to the page the form was on; an error page switches on the address that failed.
 */
@Component("links")
public class PageLinks {

    public String switchTo(String language) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return "?lang=" + language;
        }
        HttpServletRequest request = attributes.getRequest();
        String context = request.getContextPath();
        String path;
        String query;
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (failed != null) {
            path = failed.toString();
            query = null;
        } else if (!"GET".equals(request.getMethod())) {
            URI referer = sameSite(request);
            path = referer == null ? context + "/" : referer.getRawPath();
            query = referer == null ? null : referer.getRawQuery();
        } else {
            path = request.getRequestURI();
            query = request.getQueryString();
        }
        return UriComponentsBuilder.fromPath(path)
                .query(query)
                .replaceQueryParam("lang", language)
                .build()
                .toUriString();
    }

    /** The way back from an error page: the page the user came from when it is one of ours, else the home page. */
    public String back() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return backFrom(attributes.getRequest());
        }
        return "/";
    }

    static String backFrom(HttpServletRequest request) {
        URI referer = sameSite(request);
        if (referer != null) {
            return UriComponentsBuilder.fromPath(referer.getRawPath())
                    .query(referer.getRawQuery())
                    .build()
                    .toUriString();
        }
        return request.getContextPath() + "/";
    }

    /** The page the form was posted from, when it is one of ours. */
    private static URI sameSite(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer == null) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            boolean ours = uri.getHost() == null || uri.getHost().equalsIgnoreCase(request.getServerName());
            return ours && uri.getRawPath() != null && uri.getRawPath().startsWith(request.getContextPath() + "/")
                    ? uri
                    : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
