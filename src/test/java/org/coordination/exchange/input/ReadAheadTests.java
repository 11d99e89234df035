package org.coordination.exchange.input;

import java.io.UncheckedIOException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReadAheadTests {

	@Test
	void itemsComeInOrderThenTheEnd() {
		AtomicInteger next = new AtomicInteger();
		try (ReadAhead<Integer> ahead = new ReadAhead<>("test", 3,
				() -> (next.get() < 10) ? next.getAndIncrement() : null)) {
			List<Integer> items = new ArrayList<>();
			for (Integer item = ahead.next(); item != null; item = ahead.next()) {
				items.add(item);
			}
			assertThat(items).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
			assertThat(ahead.next()).isNull();
		}
	}

	@Test
	void aFailureComesAfterTheItemsMadeBeforeIt() {
		AtomicInteger next = new AtomicInteger();
		try (ReadAhead<Integer> ahead = new ReadAhead<>("test", 2, () -> {
			if (next.get() == 3) {
				throw new UncheckedIOException(new IOException("disk gone"));
			}
			return next.getAndIncrement();
		})) {
			assertThat(ahead.next()).isZero();
			assertThat(ahead.next()).isEqualTo(1);
			assertThat(ahead.next()).isEqualTo(2);
			assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(ahead::next)
				.withMessageContaining("disk gone");
			assertThat(ahead.next()).isNull();
		}
	}

	@Test
	void closingStopsAProducerWaitingForRoom() throws InterruptedException {
		AtomicInteger made = new AtomicInteger();
		ReadAhead<Integer> ahead = new ReadAhead<>("test", 2, made::incrementAndGet);
		assertThat(ahead.next()).isEqualTo(1);

		ahead.close();

		int after = made.get();
		// at most the queue's room and the one it was waiting to hand over
		assertThat(after).isLessThanOrEqualTo(4);
		Thread.sleep(300);
		// its thread has ended: nothing more is made
		assertThat(made.get()).isEqualTo(after);
	}

	@Test
	void noMoreIsMadeAheadThanTheMaximumWeight() throws InterruptedException {
		AtomicInteger made = new AtomicInteger();
		// room for 100 items, but for two of weight 4 within 10
		try (ReadAhead<Integer> ahead = new ReadAhead<>("test", 100, 10, (item) -> 4, made::incrementAndGet)) {
			// two handed over, the third made and waiting for room
			awaitMade(made, 3);
			Thread.sleep(300);
			assertThat(made.get()).isEqualTo(3);

			assertThat(ahead.next()).isEqualTo(1);

			awaitMade(made, 4);
			Thread.sleep(300);
			assertThat(made.get()).isEqualTo(4);
			assertThat(ahead.next()).isEqualTo(2);
			assertThat(ahead.next()).isEqualTo(3);
		}
	}

	@Test
	void anItemHeavierThanTheMaximumGoesAlone() {
		AtomicInteger next = new AtomicInteger();
		try (ReadAhead<Integer> ahead = new ReadAhead<>("test", 100, 10, (item) -> 50,
				() -> (next.get() < 5) ? next.getAndIncrement() : null)) {
			List<Integer> items = new ArrayList<>();
			for (Integer item = ahead.next(); item != null; item = ahead.next()) {
				items.add(item);
			}
			assertThat(items).containsExactly(0, 1, 2, 3, 4);
		}
	}

	private static void awaitMade(AtomicInteger made, int count) throws InterruptedException {
		for (int i = 0; i < 500 && made.get() < count; i++) {
			Thread.sleep(10);
		}
		assertThat(made.get()).isEqualTo(count);
	}

}
