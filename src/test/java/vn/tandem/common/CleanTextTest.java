package vn.tandem.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CleanTextTest {

    @Test
    void controlCharactersAndBrokenSurrogatesAreNotCleanText() {
        assertThat(CleanText.isClean("Nguyễn Văn A\ttab\nline\r\n")).isTrue();
        assertThat(CleanText.isClean("emoji 😀 is a full pair")).isTrue();
        assertThat(CleanText.isClean("nul \u0000 inside")).isFalse();
        assertThat(CleanText.isClean("escape \u001b[31m")).isFalse();
        assertThat(CleanText.isClean("delete \u007f")).isFalse();
        assertThat(CleanText.isClean("lone high \ud83d")).isFalse();
        assertThat(CleanText.isClean("lone low \ude00 first")).isFalse();
        assertThat(CleanText.isClean(null)).isTrue();
    }
}
