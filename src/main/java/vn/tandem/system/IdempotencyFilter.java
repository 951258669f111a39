package vn.tandem.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import vn.tandem.common.web.CachedBodyRequest;

/**
 * {@code Idempotency-Key} on the API's writes (every {@code POST} under {@code /api/} by a signed-in caller): the
 * first request with a key does the work and its answer is kept ({@link IdempotencyRecords}, in the database, so the
 * retry may land on any node); the same key with the same request replays that answer (same status, body and
 * {@code Location}, header {@code Idempotency-Replayed: true}) and does nothing; the same key with another request
 * is refused with 422; a retry while the first is still running gets 409. Only a success is kept: a request refused
 * (4xx: its input, its rights, a conflict) or failed (5xx) leaves the key free, so the corrected or repeated request
 * may use it. What counts as the same request: the method, path, query, content type and the
 * body (for a multipart upload, every part's name, file name and bytes).
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotency-Replayed";
    /** A claim without an answer after this long belongs to a request that never finished (a node went down). */
    static final Duration UNFINISHED = Duration.ofMinutes(2);

    private final IdempotencyRecords records;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ObjectMapper json;
    private final Clock clock;

    IdempotencyFilter(
            IdempotencyRecords records,
            MessageSource messages,
            LocaleResolver locales,
            ObjectMapper json,
            Clock clock) {
        this.records = records;
        this.messages = messages;
        this.locales = locales;
        this.json = json;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !path.startsWith("/api/") || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > 200 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            problem(request, response, 400, "idempotency.key");
            return;
        }
        MessageDigest digest = sha256();
        digest.update((request.getMethod() + " " + request.getRequestURI() + "?"
                        + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n"
                        + mediaType(request.getContentType()) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        HttpServletRequest forward = request;
        if (mediaType(request.getContentType()).startsWith("multipart/")) {
            java.util.Collection<Part> parts;
            try {
                parts = request.getParts();
            } catch (IOException | ServletException | IllegalStateException unreadable) {
                // too large or malformed: the handler refuses it with its own 400, and no key is claimed
                chain.doFilter(request, response);
                return;
            }
            for (Part part : parts) {
                digest.update(
                        (part.getName() + "\n" + part.getSubmittedFileName() + "\n").getBytes(StandardCharsets.UTF_8));
                try (InputStream in = part.getInputStream()) {
                    digest.update(in.readAllBytes());
                }
            }
        } else {
            byte[] body = request.getInputStream().readAllBytes();
            digest.update(body);
            forward = new CachedBodyRequest(request, body);
        }
        String hash = HexFormat.of().formatHex(digest.digest());
        String owner = auth.getName();
        Optional<IdempotencyRecords.Record> existing = records.claim(IdempotencyRecords.Scope.API, owner, key, hash);
        if (existing.isPresent()) {
            answerAgain(request, response, existing.get(), hash);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(forward, captured);
            int status = captured.getStatus();
            if (status < 400) {
                records.complete(
                        IdempotencyRecords.Scope.API,
                        owner,
                        key,
                        status,
                        captured.getContentType(),
                        captured.getHeader("Location"),
                        captured.getContentAsByteArray());
                kept = true;
            }
        } finally {
            if (!kept) {
                records.release(IdempotencyRecords.Scope.API, owner, key);
            }
            captured.copyBodyToResponse();
        }
    }

    private void answerAgain(
            HttpServletRequest request, HttpServletResponse response, IdempotencyRecords.Record first, String hash)
            throws IOException {
        if (!first.requestHash().equals(hash)) {
            problem(request, response, 422, "idempotency.mismatch");
            return;
        }
        if (!first.completed()) {
            boolean unfinished = first.createdAt().plus(UNFINISHED).isBefore(clock.instant());
            problem(request, response, 409, unfinished ? "idempotency.unfinished" : "idempotency.inProgress");
            return;
        }
        response.setStatus(first.status());
        response.setHeader(REPLAYED, "true");
        if (first.contentType() != null) {
            response.setContentType(first.contentType());
        }
        if (first.location() != null) {
            response.setHeader("Location", first.location());
        }
        if (first.body() != null && first.body().length > 0) {
            response.setContentLength(first.body().length);
            response.getOutputStream().write(first.body());
        }
    }

    private void problem(HttpServletRequest request, HttpServletResponse response, int status, String code)
            throws IOException {
        Locale locale = locales.resolveLocale(request);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.valueOf(status), messages.getMessage(code, null, code, locale));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", code);
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
