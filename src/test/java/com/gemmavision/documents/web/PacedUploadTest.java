package com.gemmavision.documents.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.apache.coyote.InputBuffer;
import org.apache.tomcat.util.net.ApplicationBufferHandler;
import org.junit.jupiter.api.Test;

/** A body read through the gate's pace: a fast one passes whole, a trickle fails its read after the grace. */
class PacedUploadTest {

    /** A body that hands over {@code chunk} bytes a read, after {@code delayMillis}, {@code reads} times. */
    private static InputBuffer body(int chunk, long delayMillis, int reads) {
        return new InputBuffer() {
            int left = reads;

            @Override
            public int doRead(ApplicationBufferHandler handler) {
                if (left-- <= 0) {
                    return -1;
                }
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                handler.setByteBuffer(ByteBuffer.wrap(new byte[chunk]));
                return chunk;
            }

            @Override
            public int available() {
                return 0;
            }
        };
    }

    private static long drain(InputBuffer in) throws Exception {
        long total = 0;
        ApplicationBufferHandler handler = new ApplicationBufferHandler() {
            ByteBuffer buffer = ApplicationBufferHandler.EMPTY_BUFFER;

            @Override
            public void setByteBuffer(ByteBuffer buffer) {
                this.buffer = buffer;
            }

            @Override
            public ByteBuffer getByteBuffer() {
                return buffer;
            }

            @Override
            public void expand(int size) {}
        };
        for (int n; (n = in.doRead(handler)) >= 0; ) {
            total += n;
        }
        return total;
    }

    @Test
    void aBodyAboveTheRateIsReadWhole() throws Exception {
        UploadGate.Paced paced = new UploadGate.Paced(body(64 * 1024, 5, 20), 1024, TimeUnit.MILLISECONDS.toNanos(20));

        assertThat(drain(paced)).isEqualTo(20 * 64 * 1024);
        assertThat(paced.tripped).isFalse();
    }

    @Test
    void aTrickleFailsItsReadOnceTheGraceHasPassed() {
        UploadGate.Paced paced =
                new UploadGate.Paced(body(1, 30, 1_000), 16 * 1024, TimeUnit.MILLISECONDS.toNanos(200));
        long started = System.nanoTime();

        assertThatThrownBy(() -> drain(paced)).isInstanceOf(UploadGate.TooSlow.class);
        assertThat(paced.tripped).isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(1_000);
    }

    @Test
    void aBodyThatHasArrivedIsNotJudgedAgainWhenReadLater() throws Exception {
        UploadGate.Paced paced = new UploadGate.Paced(body(1024, 0, 1), 16 * 1024, TimeUnit.MILLISECONDS.toNanos(50));
        assertThat(drain(paced)).isEqualTo(1024);

        Thread.sleep(120); // the server works on the body past the grace, at what is now a low average

        assertThat(drain(paced)).isZero();
        assertThat(paced.tripped).isFalse();
    }
}
