package com.gemmavision.documents.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Reading a chat-completions answer: the fields, and the server's own token counts when it sends them. */
class AskGemmaAnswerTest {

    private final AskGemma ask = new AskGemma(
            new LlmProperties("http://llm", "gemma3:4b", null, Duration.ofSeconds(5), 1, null),
            null,
            null,
            null,
            null,
            null);

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
                "{\"choices\":[{\"message\":{\"content\":\"{}\"}}],\"usage\":{\"prompt_tokens\":\"many\","
                        + "\"completion_tokens\":99999999999999999999999}}",
                1);
        AskGemma.Answer negative =
                ask.read("{\"choices\":[{\"message\":{\"content\":\"{}\"}}],\"usage\":{\"prompt_tokens\":-5}}", 1);

        assertThat(answer.ok()).isTrue();
        assertThat(answer.promptTokens()).isNull();
        // a count past an int is not wrapped into a wrong one
        assertThat(answer.completionTokens()).isNull();
        assertThat(negative.promptTokens()).isNull();
    }

    @Test
    void fieldsNestedTenThousandDeepAreRefusedInWordsNotAStackOverflow() {
        String deep = "{\\\"a\\\":".repeat(10_000) + "1" + "}".repeat(10_000);
        AskGemma.Answer answer = ask.read("{\"choices\":[{\"message\":{\"content\":\"" + deep + "\"}}]}", 1);
        AskGemma.Answer outer = ask.read("[".repeat(100_000), 1);

        assertThat(answer.ok()).isFalse();
        assertThat(answer.problem()).startsWith("The model's fields are not valid JSON");
        assertThat(outer.problem()).startsWith("The server's answer is not JSON");
    }
}
