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

    @Test
    void aSlowBodyMovesToTheSlowLaneAndGivesBackItsMainSlot() {
        java.util.concurrent.Semaphore main = new java.util.concurrent.Semaphore(3);
        java.util.concurrent.Semaphore slow = new java.util.concurrent.Semaphore(1);
        main.acquireUninterruptibly();
        UploadGate.Lane first = new UploadGate.Lane(main, slow, 64 * 1024);
        assertThat(first.demote()).isTrue();
        assertThat(main.availablePermits()).isEqualTo(3);
        assertThat(slow.availablePermits()).isZero();
        main.acquireUninterruptibly();
        UploadGate.Lane second = new UploadGate.Lane(main, slow, 64 * 1024);
        assertThat(second.demote()).as("the slow lane is full").isFalse();
        second.release();
        first.release();
        assertThat(main.availablePermits()).isEqualTo(3);
        assertThat(slow.availablePermits()).isEqualTo(1);
    }

    /** A real 2 MB upload at 20 KB/s, with no attack on, goes on in the slow lane and arrives whole. */
    @Test
    void anHonestSlowUploadFinishesInTheSlowLaneAndIsCutWhenSlowSendersHoldIt() throws Exception {
        java.util.concurrent.Semaphore main = new java.util.concurrent.Semaphore(32);
        java.util.concurrent.Semaphore slow = new java.util.concurrent.Semaphore(4);
        main.acquireUninterruptibly();
        UploadGate.Lane lane = new UploadGate.Lane(main, slow, 64 * 1024);
        UploadGate.Paced honest =
                new UploadGate.Paced(body(1024, 50, 80), 16 * 1024, TimeUnit.SECONDS.toNanos(10), () -> {}, lane);
        assertThat(drain(honest)).isEqualTo(80 * 1024);
        assertThat(slow.availablePermits()).isEqualTo(3);
        lane.release();

        // the same pace while four slow senders hold the slow lane: cut, and its main slot is given back
        slow.acquireUninterruptibly(4);
        main.acquireUninterruptibly();
        UploadGate.Lane crowded = new UploadGate.Lane(main, slow, 64 * 1024);
        UploadGate.Paced cut =
                new UploadGate.Paced(body(1024, 50, 80), 16 * 1024, TimeUnit.SECONDS.toNanos(10), () -> {}, crowded);
        assertThatThrownBy(() -> drain(cut)).isInstanceOf(UploadGate.TooSlow.class);
        crowded.release();
        assertThat(main.availablePermits()).isEqualTo(32);
    }

    @Test
    void addressesAreGroupedByTheirBlock() {
        assertThat(UploadGate.network("10.1.2.3")).isEqualTo(UploadGate.network("10.1.2.200"));
        assertThat(UploadGate.network("10.1.2.3")).isNotEqualTo(UploadGate.network("10.1.3.3"));
        assertThat(UploadGate.network("2001:db8:1:2:aaaa::1")).isEqualTo(UploadGate.network("2001:db8:1:2::9"));
    }
}
