package vn.tandem.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonNumbersTest {

    @Test
    void idNumbersAreNineOrTwelveDigitsHoweverTyped() {
        assertThat(PersonNumbers.idNumber("001 089-012.345")).contains("001089012345");
        assertThat(PersonNumbers.idNumber("123456789")).contains("123456789");
        assertThat(PersonNumbers.idNumber("12345")).isEmpty();
        assertThat(PersonNumbers.idNumber("0012345678901")).isEmpty();
        assertThat(PersonNumbers.idNumber(null)).isEmpty();
    }

    @Test
    void phonesStartFromZeroWhateverThePrefix() {
        assertThat(PersonNumbers.phone("+84 913.444.555")).contains("0913444555");
        assertThat(PersonNumbers.phone("84913444555")).contains("0913444555");
        assertThat(PersonNumbers.phone("(0243) 822 1234")).contains("02438221234");
        assertThat(PersonNumbers.phone("913444555")).isEmpty();
        assertThat(PersonNumbers.phone("abc")).isEmpty();
        assertThat(PersonNumbers.phoneForms("0913444555")).containsExactly("0913444555", "+84913444555", "84913444555");
    }
}
