package vn.tandem.sla;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.tandem.audit.AuditLog;
import vn.tandem.common.ConflictException;
import vn.tandem.common.InvalidInputException;
import vn.tandem.common.NotFoundException;
import vn.tandem.common.Text;

/**
 * The Vietnamese working calendar (DESIGN §5, Labour Code 2019 art. 112): weekends, public holidays, substitute
 * days off and make-up working days. Years 2024–2035 are pre-filled at start-up (lunar holidays computed for
 * UTC+7); administrators then edit each year, because the Prime Minister fixes the exact days yearly.
 * Working-day arithmetic counts from the day after the start date and never lands on a day off.
 */
@Service
@Order(1)
public class LegalCalendar implements ApplicationRunner {

    public static final int FIRST_YEAR = 2024;
    public static final int LAST_YEAR = 2035;

    private final Holidays holidays;
    private final AuditLog audit;
    private final Clock clock;
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final Map<Integer, Map<LocalDate, Holiday.Kind>> cache = new ConcurrentHashMap<>();

    private final MessageSource messages;

    private final org.springframework.context.ApplicationEventPublisher events;

    LegalCalendar(
            Holidays holidays,
            AuditLog audit,
            Clock clock,
            MessageSource messages,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.messages = messages;
        this.holidays = holidays;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            if (holidays.seeded(year) == 0) {
                for (DefaultHolidays.Day day : DefaultHolidays.of(year)) {
                    if (holidays.findByDay(day.date()).isEmpty()) {
                        holidays.save(new Holiday(
                                day.date(),
                                Holiday.Kind.DAY_OFF,
                                day.name().render(messages, VIETNAMESE),
                                day.name().render(messages, Locale.ENGLISH),
                                Holiday.Source.COMPUTED,
                                null,
                                clock.instant()));
                    }
                }
                holidays.markSeeded(year, clock.instant());
            }
        }
        cache.clear();
    }

    public boolean isWorkingDay(LocalDate day) {
        Holiday.Kind kind = year(day.getYear()).get(day);
        if (kind != null) {
            return kind == Holiday.Kind.WORKING_DAY;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The date {@code days} working days after {@code start}; the start day itself does not count. */
    public LocalDate addWorkingDays(LocalDate start, int days) {
        if (days < 0 || days > 3650) {
            throw new InvalidInputException("days", "validation.range", 0, 3650);
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** How many working days lie after {@code from} up to and including {@code to}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** Calendar-day deadlines (Civil Code 2015 art. 148): a last day that is a day off moves to the next working day. */
    public LocalDate addCalendarDays(LocalDate start, int days) {
        LocalDate day = start.plusDays(days);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** A year's entries (days off and make-up working days), in date order. */
    @Transactional(readOnly = true)
    public List<Holiday> holidays(int year) {
        requireYear(year);
        return holidays.findByDayBetweenOrderByDay(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    @Transactional
    public Holiday add(LocalDate day, Holiday.Kind kind, String nameVi, String nameEn) {
        if (day == null) {
            throw new InvalidInputException("day", "validation.required");
        }
        requireYear(day.getYear());
        if (kind == null) {
            throw new InvalidInputException("kind", "validation.required");
        }
        if (nameVi == null || nameVi.isBlank() || nameVi.length() > 200) {
            throw new InvalidInputException("nameVi", "validation.required");
        }
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (kind == Holiday.Kind.WORKING_DAY && !weekend) {
            throw new InvalidInputException("kind", "validation.workingDayOnWeekday");
        }
        if (holidays.findByDay(day).isPresent()) {
            throw new ConflictException("calendar.dayExists", day);
        }
        String en = nameEn == null || nameEn.isBlank() ? nameVi.strip() : nameEn.strip();
        Holiday saved = holidays.save(
                new Holiday(day, kind, nameVi.strip(), en, Holiday.Source.ADMIN, auditActor(), clock.instant()));
        audit.recordChange(
                "HOLIDAY_ADDED",
                null,
                null,
                "holiday",
                day.toString(),
                Map.of(),
                Map.of("day", day.toString(), "kind", kind.name(), "name", saved.getNameVi()));
        cache.remove(day.getYear());
        events.publishEvent(new KeptClocks.BasisChanged("calendar"));
        return saved;
    }

    @Transactional
    public void remove(LocalDate day) {
        Holiday existing =
                holidays.findByDay(day).orElseThrow(() -> new NotFoundException("calendar.dayNotFound", day));
        holidays.delete(existing);
        audit.recordChange(
                "HOLIDAY_REMOVED",
                null,
                null,
                "holiday",
                day.toString(),
                Map.of("day", day.toString(), "kind", existing.getKind().name(), "name", existing.getNameVi()),
                Map.of());
        cache.remove(day.getYear());
        events.publishEvent(new KeptClocks.BasisChanged("calendar"));
    }

    private static String auditActor() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? AuditLog.SYSTEM : auth.getName();
    }

    public static void requireYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidInputException("year", "validation.calendarYear", FIRST_YEAR, LAST_YEAR);
        }
    }

    private Map<LocalDate, Holiday.Kind> year(int year) {
        requireYear(year);
        return cache.computeIfAbsent(
                year,
                y -> holidays.findByDayBetweenOrderByDay(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)).stream()
                        .collect(Collectors.toMap(Holiday::getDay, Holiday::getKind, (a, b) -> a, TreeMap::new)));
    }

    /** The Labour Code's days off for a year, with substitute days for those that fall on a weekend. */
    static final class DefaultHolidays {

        /** A day off and its name (a message key of the bundles, rendered in both languages when seeded). */
        record Day(LocalDate date, Text name) {}

        private DefaultHolidays() {}

        static List<Day> of(int year) {
            List<Day> days = new ArrayList<>();
            days.add(new Day(LocalDate.of(year, 1, 1), Text.of("holiday.newYear")));
            LocalDate tet = VietnameseLunarCalendar.toGregorian(year, 1, 1);
            days.add(new Day(tet.minusDays(1), Text.of("holiday.tetEve")));
            for (int i = 0; i < 4; i++) {
                days.add(new Day(tet.plusDays(i), Text.of("holiday.tet", i + 1)));
            }
            days.add(new Day(VietnameseLunarCalendar.toGregorian(year, 3, 10), Text.of("holiday.hungKings")));
            days.add(new Day(LocalDate.of(year, 4, 30), Text.of("holiday.reunification")));
            days.add(new Day(LocalDate.of(year, 5, 1), Text.of("holiday.labourDay")));
            days.add(new Day(LocalDate.of(year, 9, 1), Text.of("holiday.nationalDayAdjacent")));
            days.add(new Day(LocalDate.of(year, 9, 2), Text.of("holiday.nationalDay")));
            Set<LocalDate> taken = days.stream().map(Day::date).collect(Collectors.toSet());
            List<Day> substitutes = new ArrayList<>();
            for (Day day : days) {
                DayOfWeek dow = day.date().getDayOfWeek();
                if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
                    LocalDate substitute = day.date().plusDays(1);
                    while (taken.contains(substitute)
                            || substitute.getDayOfWeek() == DayOfWeek.SATURDAY
                            || substitute.getDayOfWeek() == DayOfWeek.SUNDAY) {
                        substitute = substitute.plusDays(1);
                    }
                    taken.add(substitute);
                    substitutes.add(new Day(substitute, Text.of("holiday.substitute", day.name())));
                }
            }
            days.addAll(substitutes);
            return days;
        }
    }
}
