package com.gemmavision.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Nobody signs in: the app makes no account with a generated password, and so logs none. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:no-generated-password;DB_CLOSE_DELAY=-1")
class NoGeneratedPasswordTest {

    @Test
    void theStartLogsNoGeneratedSecurityPassword(CapturedOutput output) {
        assertThat(output.getAll()).contains("Started").doesNotContain("generated security password");
    }
}
