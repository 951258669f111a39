package vn.tandem.situation.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.tandem.situation.NewReport.NewPerson;

/** The report form's "people" box: one person per line, numbers recognised by their form in any order. */
class ReportFormTest {

    static ReportForm.SignalForm row(String people) {
        ReportForm.SignalForm row = new ReportForm.SignalForm();
        row.setPetitioners(people);
        return row;
    }

    @Test
    void eachLineIsAPersonWithTheNumbersItCarries() {
        assertThat(row("Hoàng Văn Sáng; 008081004567; 0987 654 321\n\n  Ma Thị Hương ;+84 977 123 456\r\nLò Văn Pọm")
                        .people())
                .containsExactly(
                        new NewPerson("Hoàng Văn Sáng", "008081004567", "0987 654 321"),
                        new NewPerson("Ma Thị Hương", null, "+84 977 123 456"),
                        new NewPerson("Lò Văn Pọm", null, null));
    }

    @Test
    void aPhoneBeforeTheIdNumberAndAnUnreadableNumberAreKeptForTheCheck() {
        assertThat(row("Hà Thị Nhung; 0917333555; 008066008888").people())
                .containsExactly(new NewPerson("Hà Thị Nhung", "008066008888", "0917333555"));
        // "12345" is neither: kept as the ID number so the report says which line is wrong
        assertThat(row("Ai đó; 12345").people()).containsExactly(new NewPerson("Ai đó", "12345", null));
        assertThat(row("  \n ").people()).isEmpty();
    }
}
