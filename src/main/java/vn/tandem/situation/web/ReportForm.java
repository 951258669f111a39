package vn.tandem.situation.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import vn.tandem.common.PersonNumbers;
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
        /** The people the signal names, one per line: "full name; ID number; phone" (numbers optional). */
        private String petitioners;

        boolean isEmpty() {
            return category == null
                    && risk == null
                    && peopleInvolved == null
                    && blank(place)
                    && blank(description)
                    && blank(source)
                    && blank(petitioners);
        }

        /**
         * The lines of {@link #petitioners} as people: the name first, then any ID number (9 or 12 digits) or phone
         * in the following parts, each recognised by its form; a part that is neither is kept as the ID number, so
         * the report answers which line is wrong instead of dropping it.
         */
        List<NewReport.NewPerson> people() {
            if (blank(petitioners)) {
                return List.of();
            }
            List<NewReport.NewPerson> result = new ArrayList<>();
            for (String line : petitioners.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split(";");
                String idNumber = null;
                String phone = null;
                for (int i = 1; i < parts.length; i++) {
                    String part = parts[i].strip();
                    if (part.isEmpty()) {
                        continue;
                    }
                    if (PersonNumbers.phone(part).isPresent() && phone == null) {
                        phone = part;
                    } else if (idNumber == null) {
                        idNumber = part;
                    } else {
                        phone = part;
                    }
                }
                result.add(new NewReport.NewPerson(parts[0].strip(), idNumber, phone));
            }
            return result;
        }

        public String getPetitioners() {
            return petitioners;
        }

        public void setPetitioners(String petitioners) {
            this.petitioners = petitioners;
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
                                s.category, s.place, s.peopleInvolved, s.risk, s.description, s.source, s.people()))
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
