package vn.tandem.citizen.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.tandem.citizen.CaseStatusLookup;
import vn.tandem.common.FieldProblem;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;

/** The status look-up over the API, public: {@code POST /api/public/status} with the code and the phone. */
@RestController
@Tag(name = "Citizen status")
class StatusApiController {

    private final CaseStatusLookup lookup;
    private final MessageSource messages;

    StatusApiController(CaseStatusLookup lookup, MessageSource messages) {
        this.lookup = lookup;
        this.messages = messages;
    }

    /** What a citizen sends. */
    record Request(String code, String phone) {}

    /** Where the case stands, in codes and in plain words; {@code due} is null once concluded. */
    record Answer(
            String code,
            String status,
            String statusText,
            String outcome,
            String outcomeText,
            String step,
            String stepText,
            LocalDate due) {}

    @Operation(
            summary = "Where a case stands (public, rate-limited, audited)",
            description = "The case code and the phone number given at intake; a wrong code and a wrong phone answer"
                    + " the same 404. Answers the status, the current step in plain words and its due date only.")
    @PostMapping("/api/public/status")
    Answer status(@RequestBody(required = false) Request body, HttpServletRequest request, Locale locale) {
        List<FieldProblem> problems = new ArrayList<>();
        if (body == null || body.code() == null || body.code().isBlank()) {
            problems.add(new FieldProblem("code", "validation.required"));
        }
        if (body == null || body.phone() == null || body.phone().isBlank()) {
            problems.add(new FieldProblem("phone", "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        CaseStatusLookup.Answer a = lookup.lookUp(body.code(), body.phone(), request.getRemoteAddr())
                .orElseThrow(() -> new NotFoundException("citizen.notFound"));
        return new Answer(
                a.code(),
                a.status(),
                msg("citizen.status." + a.status(), locale),
                a.outcome(),
                a.outcome() == null ? null : msg("outcome." + a.outcome(), locale),
                a.step(),
                a.step() == null ? null : msg("citizen.step." + a.step(), locale),
                a.due());
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
