package vn.tandem.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.tandem.casefile.CaseType;
import vn.tandem.casefile.Complexity;
import vn.tandem.common.FieldProblem;

/**
 * The legal clock's arithmetic without Spring or a database: the variant a case's facts select and its fallbacks,
 * due dates over weekends and Tết, the ladder's states, and the extension caps.
 */
class LegalClockArithmeticTest {

    static final LocalDate THURSDAY = LocalDate.of(2026, 3, 5);

    /** The Labour Code's days off, computed as at start-up, without a database. */
    static final LegalCalendar CALENDAR = new LegalCalendar(
            (Holidays) Proxy.newProxyInstance(
                    Holidays.class.getClassLoader(), new Class<?>[] {Holidays.class}, (proxy, method, args) -> {
                        if (method.getName().equals("findByDayBetweenOrderByDay")) {
                            int year = ((LocalDate) args[0]).getYear();
                            return LegalCalendar.DefaultHolidays.of(year).stream()
                                    .map(d -> new Holiday(
                                            d.date(),
                                            Holiday.Kind.DAY_OFF,
                                            d.name().key(),
                                            d.name().key(),
                                            Holiday.Source.COMPUTED,
                                            "test",
                                            Instant.EPOCH))
                                    .toList();
                        }
                        throw new UnsupportedOperationException(method.getName());
                    }),
            null,
            Clock.system(ZoneId.of("Asia/Ho_Chi_Minh")),
            null,
            event -> {});

    static final LegalRules RULES = new LegalRules(null, null, CALENDAR, null, Clock.systemUTC(), event -> {});

    static LegalRule rule(
            Integer duration,
            LegalRule.Unit unit,
            Integer targetDays,
            Integer targetPercent,
            int maxExtensions,
            int maxExtensionDays) {
        return LegalRule.first(
                "TEST",
                "COMPLAINT",
                LegalStep.RESOLVE,
                1,
                Variant.STANDARD,
                new LegalRule.Figures(
                        duration, unit, targetDays, targetPercent, maxExtensions, maxExtensionDays, "Điều thử"),
                LocalDate.of(2020, 1, 1),
                "test",
                "test",
                Instant.EPOCH);
    }

    @ParameterizedTest(name = "{0} {1} complexity={2} remote={3} sites={4} -> {5}")
    @CsvSource({
        "COMPLAINT, RESOLVE, STANDARD, false, false, STANDARD",
        "COMPLAINT, RESOLVE, COMPLEX, false, false, COMPLEX",
        "COMPLAINT, RESOLVE, COMPLEX, true, false, REMOTE_COMPLEX",
        "COMPLAINT, RESOLVE, STANDARD, true, false, REMOTE",
        "COMPLAINT, VERIFY, VERY_COMPLEX, true, false, REMOTE_VERY_COMPLEX",
        "DENUNCIATION, RESOLVE, VERY_COMPLEX, false, false, VERY_COMPLEX",
        "DENUNCIATION, ACCEPT, STANDARD, false, true, SEVERAL_SITES",
        "DENUNCIATION, ACCEPT, VERY_COMPLEX, true, false, STANDARD",
        "COMPLAINT, ACCEPT, STANDARD, false, true, STANDARD",
        "COMPLAINT, SECOND_INSTANCE_WINDOW, COMPLEX, true, false, REMOTE",
        "COMPLAINT, SECOND_INSTANCE_WINDOW, COMPLEX, false, false, STANDARD",
        "PETITION, FORWARD, COMPLEX, true, true, STANDARD",
        "INCIDENT, RESOLVE, COMPLEX, false, false, COMPLEX",
    })
    void aCasesFactsSelectOneVariantPerStep(
            CaseType type, LegalStep step, Complexity complexity, boolean remote, boolean sites, Variant expected) {
        assertThat(Variant.of(type, step, complexity, remote, sites)).isEqualTo(expected);
    }

    @Test
    void everyVariantFallsBackToStandardLastAndTriesItselfFirst() {
        for (Variant v : Variant.values()) {
            assertThat(v.fallbacks()).first().isEqualTo(v);
            assertThat(v.fallbacks()).last().isEqualTo(Variant.STANDARD);
            assertThat(v.fallbacks()).doesNotHaveDuplicates();
        }
        assertThat(Variant.REMOTE_VERY_COMPLEX.fallbacks())
                .containsSubsequence(Variant.VERY_COMPLEX, Variant.REMOTE_COMPLEX, Variant.COMPLEX, Variant.REMOTE);
        assertThat(LegalStep.ACCEPT.fallback()).isEqualTo(LegalStep.INFORM);
        assertThat(LegalStep.VERIFY.fallback()).isEqualTo(LegalStep.RESOLVE);
        assertThat(LegalStep.FORWARD.fallback()).isNull();
        assertThat(LegalStep.parse("VERIFY")).contains(LegalStep.VERIFY);
        assertThat(LegalStep.parse("verify")).isEmpty();
        assertThat(LegalStep.parse(null)).isEmpty();
    }

    @Test
    void calendarDayLimitsEndingOnADayOffMoveToTheNextWorkingDay() {
        var deadline = RULES.deadline(rule(10, LegalRule.Unit.CALENDAR_DAYS, 5, null, 0, 0), THURSDAY);
        assertThat(deadline.statutoryDue()).isEqualTo(LocalDate.of(2026, 3, 16)); // Sunday 15/03 -> Monday
        assertThat(deadline.targetDue()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(deadline.due()).isEqualTo(deadline.targetDue());
        // a percentage target: 30 days cut by 30% = 21 days
        var cut = RULES.deadline(rule(30, LegalRule.Unit.CALENDAR_DAYS, null, 30, 0, 0), THURSDAY);
        assertThat(cut.targetDue()).isEqualTo(LocalDate.of(2026, 3, 26));
        // no statute: only the target
        var target = RULES.deadline(rule(null, LegalRule.Unit.CALENDAR_DAYS, 15, null, 0, 0), THURSDAY);
        assertThat(target.statutoryDue()).isNull();
        assertThat(target.due()).isEqualTo(LocalDate.of(2026, 3, 20));
    }

    @Test
    void workingDayLimitsSkipWeekendsAndTet() {
        // 12/02/2026 (Thursday before Tết Bính Ngọ): 7 working days skip the Tết days off to 02/03
        var deadline =
                RULES.deadline(rule(7, LegalRule.Unit.WORKING_DAYS, null, null, 0, 0), LocalDate.of(2026, 2, 12));
        assertThat(deadline.statutoryDue()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(RULES.between(LegalRule.Unit.WORKING_DAYS, LocalDate.of(2026, 2, 12), LocalDate.of(2026, 3, 2)))
                .isEqualTo(7);
        // 30/04 and 01/05 are days off
        assertThat(RULES.add(LegalRule.Unit.WORKING_DAYS, LocalDate.of(2026, 4, 29), 1))
                .isEqualTo(LocalDate.of(2026, 5, 4));
    }

    @Test
    void theLadderWarnsFromThreeQuartersOfTheTargetAndTheWarningDayAgrees() {
        var deadline = RULES.deadline(rule(30, LegalRule.Unit.CALENDAR_DAYS, 20, null, 0, 0), THURSDAY);
        LocalDate warning = RULES.warningDay(deadline);
        assertThat(warning).isEqualTo(THURSDAY.plusDays(15));
        for (LocalDate day = THURSDAY; !day.isAfter(deadline.targetDue()); day = day.plusDays(1)) {
            var standing = RULES.standing(deadline, day);
            assertThat(standing.state())
                    .as(day.toString())
                    .isEqualTo(day.isBefore(warning) ? LegalRules.State.ON_TRACK : LegalRules.State.AT_RISK);
            assertThat(standing.left()).isEqualTo(standing.total() - standing.used());
        }
        // the warning day is the first day the ladder says "at risk", whatever the start, unit and target — also
        // when it falls on a weekend (it is not a due date, so it does not move to a working day)
        for (LegalRule.Unit unit : LegalRule.Unit.values()) {
            for (int target = 1; target <= 25; target++) {
                for (LocalDate start = LocalDate.of(2026, 3, 2);
                        start.isBefore(LocalDate.of(2026, 3, 16));
                        start = start.plusDays(1)) {
                    var d = RULES.deadline(rule(null, unit, target, null, 0, 0), start);
                    LocalDate first = RULES.warningDay(d);
                    for (LocalDate day = start; !day.isAfter(d.targetDue()); day = day.plusDays(1)) {
                        assertThat(RULES.standing(d, day).state() == LegalRules.State.AT_RISK)
                                .as("%s %s from %s on %s (warning %s)", target, unit, start, day, first)
                                .isEqualTo(!day.isBefore(first));
                    }
                }
            }
        }
        assertThat(RULES.warningDay(RULES.deadline(
                        rule(null, LegalRule.Unit.CALENDAR_DAYS, 5, null, 0, 0), LocalDate.of(2026, 3, 11))))
                .isEqualTo(LocalDate.of(2026, 3, 15)); // a Sunday
        var late = RULES.standing(deadline, deadline.targetDue().plusDays(1));
        assertThat(late.state()).isEqualTo(LegalRules.State.BREACHED);
        assertThat(late.statutoryBreached()).isFalse();
        assertThat(late.left()).isEqualTo(-1);
        assertThat(RULES.standing(deadline, deadline.statutoryDue().plusDays(1)).statutoryBreached())
                .isTrue();
    }

    @Test
    void aLegalExtensionMayGoAsFarAsTheRuleAllowsAndNoFurther() {
        // a very complex denunciation: 30 days, twice 30 more (Luật Tố cáo 2018 Art. 30)
        LegalRule veryComplex = rule(30, LegalRule.Unit.CALENDAR_DAYS, null, 30, 2, 30);
        LocalDate statutory = LocalDate.of(2026, 4, 6);
        assertThat(ExtensionPolicy.latestAllowed(veryComplex, statutory, 0, RULES))
                .isEqualTo(LocalDate.of(2026, 5, 6));
        assertThat(ExtensionPolicy.latestAllowed(veryComplex, statutory, 1, RULES))
                .isEqualTo(LocalDate.of(2026, 5, 6));
        assertThat(ExtensionPolicy.latestAllowed(veryComplex, statutory, 2, RULES))
                .isEqualTo(statutory);
        assertThat(ExtensionPolicy.latestAllowed(
                        rule(null, LegalRule.Unit.CALENDAR_DAYS, 5, null, 0, 0), null, 0, RULES))
                .isNull();

        var limits = new ExtensionPolicy.Limits(
                LegalStep.RESOLVE,
                LocalDate.of(2026, 3, 26),
                statutory,
                LocalDate.of(2026, 5, 6),
                0,
                2,
                30,
                "Luật Tố cáo 2018, Điều 30");
        LocalDate today = LocalDate.of(2026, 3, 27);
        assertThat(limits.whyNot(today)).isEmpty();
        assertThat(problems(limits, LocalDate.of(2026, 5, 6), today)).isEmpty();
        assertThat(problems(limits, LocalDate.of(2026, 5, 7), today))
                .extracting(FieldProblem::code)
                .containsExactly("escalation.extendBeyondCap");
        assertThat(problems(limits, LocalDate.of(2026, 3, 20), today))
                .extracting(FieldProblem::code)
                .containsExactly("escalation.extendNotLater");
        assertThat(limits.wouldBeLegal(LocalDate.of(2026, 4, 10))).isTrue();
        assertThat(limits.wouldBeLegal(LocalDate.of(2026, 4, 1))).isFalse();

        // all extensions used: nothing past the statutory limit, and the page says why
        var usedUp = new ExtensionPolicy.Limits(
                LegalStep.RESOLVE, statutory, statutory, statutory, 2, 2, 30, "Luật Tố cáo 2018, Điều 30");
        assertThat(usedUp.whyNot(LocalDate.of(2026, 4, 7)))
                .map(FieldProblem::code)
                .contains("escalation.extendUsedUp");
        // no extension allowed by the rule
        var none = new ExtensionPolicy.Limits(
                LegalStep.RESOLVE, statutory, statutory, statutory, 0, 0, 0, "Luật Khiếu nại 2011, Điều 28");
        assertThat(none.whyNot(LocalDate.of(2026, 4, 7)))
                .map(FieldProblem::code)
                .contains("escalation.extendNotAllowed");
        // the last day an extension could reach has passed
        var passed = new ExtensionPolicy.Limits(
                LegalStep.RESOLVE,
                LocalDate.of(2026, 5, 6),
                statutory,
                LocalDate.of(2026, 5, 6),
                1,
                2,
                30,
                "Luật Tố cáo 2018, Điều 30");
        assertThat(passed.whyNot(LocalDate.of(2026, 5, 8)))
                .map(FieldProblem::code)
                .isEqualTo(Optional.of("escalation.extendPassed"));
        // no statutory limit: no cap
        var uncapped = new ExtensionPolicy.Limits(null, THURSDAY, null, null, 0, 0, 0, null);
        assertThat(uncapped.whyNot(LocalDate.of(2027, 1, 1))).isEmpty();
    }

    private static List<FieldProblem> problems(ExtensionPolicy.Limits limits, LocalDate newDue, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        ExtensionPolicy.check(limits, newDue, null, today, problems);
        return problems;
    }
}
