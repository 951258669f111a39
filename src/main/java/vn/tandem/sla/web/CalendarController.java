package vn.tandem.sla.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.tandem.common.TandemException;
import vn.tandem.sla.Holiday;
import vn.tandem.sla.LegalCalendar;

/** The holiday calendar page for administrators (view and edit a year). */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class CalendarController {

    private final LegalCalendar calendar;
    private final MessageSource messages;

    CalendarController(LegalCalendar calendar, MessageSource messages) {
        this.calendar = calendar;
        this.messages = messages;
    }

    @GetMapping("/admin/calendar")
    String page(@RequestParam(required = false) Integer year, Model model) {
        int shown = year == null ? LocalDate.now().getYear() : year;
        shown = Math.max(LegalCalendar.FIRST_YEAR, Math.min(LegalCalendar.LAST_YEAR, shown));
        model.addAttribute("year", shown);
        model.addAttribute("days", calendar.holidays(shown));
        model.addAttribute(
                "years",
                IntStream.rangeClosed(LegalCalendar.FIRST_YEAR, LegalCalendar.LAST_YEAR)
                        .boxed()
                        .toList());
        return "sla/calendar";
    }

    @PostMapping("/admin/calendar")
    String add(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestParam(required = false) Holiday.Kind kind,
            @RequestParam(required = false) String nameVi,
            @RequestParam(required = false) String nameEn,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            calendar.add(day, kind, nameVi, nameEn);
            redirect.addFlashAttribute("success", messages.getMessage("calendar.saved", null, locale));
        } catch (TandemException e) {
            var code = e.fieldProblems().isEmpty()
                    ? e.messageCode()
                    : e.fieldProblems().get(0).code();
            var args = e.fieldProblems().isEmpty()
                    ? e.args()
                    : e.fieldProblems().get(0).args();
            redirect.addFlashAttribute("error", messages.getMessage(code, args, code, locale));
        }
        return "redirect:/admin/calendar?year=" + (day == null ? LocalDate.now().getYear() : day.getYear());
    }

    @PostMapping("/admin/calendar/delete")
    String remove(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            RedirectAttributes redirect,
            Locale locale) {
        calendar.remove(day);
        redirect.addFlashAttribute("success", messages.getMessage("calendar.saved", null, locale));
        return "redirect:/admin/calendar?year=" + day.getYear();
    }

    /** The calendar over the API (any signed-in user). */
    @RestController
    @Tag(name = "Calendar")
    static class Api {

        private final LegalCalendar calendar;

        Api(LegalCalendar calendar) {
            this.calendar = calendar;
        }

        record Day(LocalDate date, String name, String nameEn, String kind) {}

        record Year(int year, List<Day> days) {}

        record Due(LocalDate from, int days, LocalDate due) {}

        @GetMapping("/api/calendar/holidays")
        @Operation(summary = "A year's days off and make-up working days (2024–2035; others answer 400)")
        Year holidays(@RequestParam int year) {
            return new Year(
                    year,
                    calendar.holidays(year).stream()
                            .map(h -> new Day(
                                    h.getDay(),
                                    h.getNameVi(),
                                    h.getNameEn(),
                                    h.getKind().name()))
                            .toList());
        }

        @GetMapping("/api/calendar/working-days")
        @Operation(summary = "The date that is `days` working days after `from` (counting starts the next day)")
        Due workingDays(
                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from, @RequestParam int days) {
            return new Due(from, days, calendar.addWorkingDays(from, days));
        }
    }
}
