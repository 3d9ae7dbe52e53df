package com.gemmavision.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Reading a chat-completions answer: the fields, and the server's own token counts when it sends them. */
class AskGemmaAnswerTest {

    private final AskGemma ask = new AskGemma(
            new LlmProperties("http://llm", "gemma3:4b", null, Duration.ofSeconds(5), 1), null, null, null);

    @Test
    void usageIsReadWhenSentAndNullWhenNot() {
        AskGemma.Answer counted = ask.read("""
                {"choices":[{"message":{"content":"{\\"invoiceNumber\\":\\"R-1\\"}"}}],
                 "usage":{"prompt_tokens":1830,"completion_tokens":42,"total_tokens":1872}}
                """, 12);
        AskGemma.Answer uncounted = ask.read("{\"choices\":[{\"message\":{\"content\":\"{}\"}}]}", 12);

        assertThat(counted.ok()).isTrue();
        assertThat(counted.fields()).containsEntry("invoiceNumber", "R-1");
        assertThat(counted.promptTokens()).isEqualTo(1830);
        assertThat(counted.completionTokens()).isEqualTo(42);
        assertThat(uncounted.promptTokens()).isNull();
        assertThat(uncounted.completionTokens()).isNull();
    }

    @Test
    void usageThatIsNotACountIsIgnored() {
        AskGemma.Answer answer = ask.read(
                "{\"choices\":[{\"message\":{\"content\":\"{}\"}}],\"usage\":{\"prompt_tokens\":\"many\"}}", 1);

        assertThat(answer.ok()).isTrue();
        assertThat(answer.promptTokens()).isNull();
    }
}
