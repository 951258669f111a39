package vn.tandem.system;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.TandemException;

/**
 * Every API error as {@code application/problem+json} (RFC 9457), localized, with {@code errors} naming each
 * invalid field; never a stack trace. Unexpected failures answer a generic 500 and are logged.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(TandemException.class)
    ResponseEntity<ProblemDetail> tandem(TandemException e, HttpServletRequest request) {
        ProblemDetail problem = problem(e.status(), message(e.messageCode(), e.args()), request);
        problem.setProperty("code", e.messageCode());
        if (!e.fieldProblems().isEmpty()) {
            problem.setProperty(
                    "errors", e.fieldProblems().stream().map(this::fieldError).toList());
        }
        e.properties().forEach(problem::setProperty);
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler({ConcurrencyFailureException.class})
    ResponseEntity<ProblemDetail> conflict(Exception e, HttpServletRequest request) {
        return ResponseEntity.status(409).body(problem(409, message("error.conflict"), request));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        return ResponseEntity.status(403).body(problem(403, message("error.forbidden"), request));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        ProblemDetail problem = problem(400, message("error.validation"), request);
        problem.setProperty(
                "errors",
                List.of(Map.of(
                        "field", e.getName(), "code", "validation.invalid", "message", message("validation.invalid"))));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> upload(MultipartException e, HttpServletRequest request) {
        ProblemDetail problem = problem(400, message("error.badRequest"), request);
        problem.setProperty(
                "errors",
                List.of(Map.of(
                        "field",
                        "file",
                        "code",
                        "validation.file.empty",
                        "message",
                        message("validation.file.empty"))));
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message("validation.file.tooLarge", 10));
        problem.setProperty(
                "errors",
                List.of(Map.of(
                        "field",
                        "file",
                        "code",
                        "validation.file.tooLarge",
                        "message",
                        message("validation.file.tooLarge", 10))));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.status(500).body(problem(500, message("error.unexpected"), request));
    }

    /**
     * An unreadable body names the field it failed on: a wrong type (a fraction for a count, text for a date),
     * forbidden characters in a text ({@code validation.characters}), malformed JSON.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message("error.validation"));
        if (ex.getCause() instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            String code = String.valueOf(mapping.getOriginalMessage()).contains(InputChecks.REFUSED)
                    ? InputChecks.REFUSED
                    : "validation.invalid";
            problem.setProperty("errors", List.of(Map.of("field", field, "code", code, "message", message(code))));
        } else {
            problem.setDetail(message("error.badRequest"));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message("error.validation"));
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("field", error.getField());
            item.put("code", code(error));
            item.put("message", messages.getMessage(error, LocaleContextHolder.getLocale()));
            errors.add(item);
        }
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body == null) {
            body = ProblemDetail.forStatusAndDetail(
                    statusCode, message(statusCode.is4xxClientError() ? "error.badRequest" : "error.unexpected"));
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    /**
     * Constraint message keys whose text names the annotation's attribute ({@code {min}}) answer the code the services
     * use for the same rule, so a client sees one code whichever layer refused.
     */
    private static final Map<String, String> SERVICE_CODES = Map.of(
            "validation.size.min", "validation.minLength",
            "validation.size.max", "validation.maxLength",
            "validation.value.min", "validation.min",
            "validation.value.max", "validation.max");

    /**
     * A constraint's message key ({@code validation.required} for {@code message = "{validation.required}"}), the
     * same codes the services' own checks answer; a binding failure keeps Spring's code.
     */
    private static String code(FieldError error) {
        if (error.contains(ConstraintViolation.class)) {
            String template = error.unwrap(ConstraintViolation.class).getMessageTemplate();
            if (template.startsWith("{") && template.endsWith("}")) {
                String key = template.substring(1, template.length() - 1);
                return SERVICE_CODES.getOrDefault(key, key);
            }
        }
        return error.getCode();
    }

    private Map<String, Object> fieldError(FieldProblem p) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("field", p.field());
        item.put("code", p.code());
        item.put("message", message(p.code(), p.args()));
        return item;
    }

    private ProblemDetail problem(int status, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }
}
