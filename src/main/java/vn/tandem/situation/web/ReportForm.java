package vn.tandem.situation.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import vn.tandem.situation.Assessment;
import vn.tandem.situation.NewReport;
import vn.tandem.situation.SignalCategory;
import vn.tandem.situation.SignalRisk;

/** The situation report form: the period, the assessment and the signal rows (empty rows are dropped). */
public class ReportForm {

    private Long unitId;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate periodFrom;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate periodTo;

    private Assessment assessment;
    private List<SignalForm> signals = new ArrayList<>();

    /** One signal row. */
    public static class SignalForm {

        private SignalCategory category;
        private String place;
        private Integer peopleInvolved;
        private SignalRisk risk;
        private String description;
        private String source;

        boolean isEmpty() {
            return category == null
                    && risk == null
                    && peopleInvolved == null
                    && blank(place)
                    && blank(description)
                    && blank(source);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        public SignalCategory getCategory() {
            return category;
        }

        public void setCategory(SignalCategory category) {
            this.category = category;
        }

        public String getPlace() {
            return place;
        }

        public void setPlace(String place) {
            this.place = place;
        }

        public Integer getPeopleInvolved() {
            return peopleInvolved;
        }

        public void setPeopleInvolved(Integer peopleInvolved) {
            this.peopleInvolved = peopleInvolved;
        }

        public SignalRisk getRisk() {
            return risk;
        }

        public void setRisk(SignalRisk risk) {
            this.risk = risk;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public String getSource() {
            return source;
        }

        public void setSource(String source) {
            this.source = source;
        }
    }

    void dropEmptySignals() {
        signals.removeIf(s -> s == null || s.isEmpty());
    }

    NewReport toNewReport() {
        return new NewReport(
                unitId,
                periodFrom,
                periodTo,
                assessment,
                signals.stream()
                        .map(s -> new NewReport.NewSignal(
                                s.category, s.place, s.peopleInvolved, s.risk, s.description, s.source))
                        .toList());
    }

    public Long getUnitId() {
        return unitId;
    }

    public void setUnitId(Long unitId) {
        this.unitId = unitId;
    }

    public LocalDate getPeriodFrom() {
        return periodFrom;
    }

    public void setPeriodFrom(LocalDate periodFrom) {
        this.periodFrom = periodFrom;
    }

    public LocalDate getPeriodTo() {
        return periodTo;
    }

    public void setPeriodTo(LocalDate periodTo) {
        this.periodTo = periodTo;
    }

    public Assessment getAssessment() {
        return assessment;
    }

    public void setAssessment(Assessment assessment) {
        this.assessment = assessment;
    }

    public List<SignalForm> getSignals() {
        return signals;
    }

    public void setSignals(List<SignalForm> signals) {
        this.signals = signals;
    }
}
