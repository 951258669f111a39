package vn.tandem.reception.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.tandem.reception.ReceptionInput.Matter;

/** The reception form's matters box: one matter per line, a case code after the last semicolon. */
class ReceptionControllerTest {

    @Test
    void eachLineIsAMatterWithTheCaseItOpenedIfNamed() {
        assertThat(
                        ReceptionController.matters(
                                "Đề nghị xem xét lại tiền bồi thường; VV-2026-000012\n\nHỏi thủ tục; đã hướng dẫn\r\n  Phản ánh tiếng ồn ; vv-2026-000003 "))
                .containsExactly(
                        new Matter("Đề nghị xem xét lại tiền bồi thường", "VV-2026-000012"),
                        new Matter("Hỏi thủ tục; đã hướng dẫn", null),
                        new Matter("Phản ánh tiếng ồn", "vv-2026-000003"));
        assertThat(ReceptionController.matters(null)).isEmpty();
    }
}
