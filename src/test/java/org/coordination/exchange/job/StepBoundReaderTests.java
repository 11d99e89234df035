package org.coordination.exchange.job;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.coordination.exchange.input.CsvOptions;
import org.coordination.exchange.report.ImportAggregates;
import org.coordination.exchange.report.KeptTablesStore;
import org.coordination.exchange.store.ImportedRow;
import org.junit.jupiter.api.Test;

import org.springframework.aop.scope.ScopedObject;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two steps importing side by side through one {@link StepBoundReader}: each reads its
 * own file from its own step's reader, looked up once when it opens, never through the
 * scoped proxy.
 */
class StepBoundReaderTests extends ReaderTestSupport {

	@Test
	void eachStepReadsItsOwnFileThroughItsOwnReaderLookedUpOnce() throws Exception {
		ImportAggregates aggregates = new ImportAggregates(new KeptTablesStore());
		Map<String, ExchangeFileItemReader> scope = new ConcurrentHashMap<>(Map.of("step-1",
				reader(STAGES_1_2, aggregates, 1, 201), "step-2", reader(STAGE_3, aggregates, 1, 202)));
		StepScopeProxy proxy = new StepScopeProxy(scope);
		StepBoundReader reader = new StepBoundReader(proxy);
		// both steps open before either reads, and read in turns
		CyclicBarrier turns = new CyclicBarrier(2);
		ExecutorService steps = Executors.newFixedThreadPool(2);
		try {
			Future<List<Long>> first = steps.submit(() -> readAll(reader, "step-1", turns));
			Future<List<Long>> second = steps.submit(() -> readAll(reader, "step-2", turns));
			assertThat(first.get(60, TimeUnit.SECONDS)).as("stage-1-2.csv").isEqualTo(linesOf(STAGES_1_2)).hasSize(9);
			assertThat(second.get(60, TimeUnit.SECONDS)).as("stage-3.csv").isEqualTo(linesOf(STAGE_3)).hasSize(3);
		}
		finally {
			steps.shutdownNow();
		}
		assertThat(proxy.lookups).hasValue(2);
		assertThat(proxy.proxyCalls).hasValue(0);
	}

	/** The lines of a file's rows, read by a reader of its own on this thread. */
	private List<Long> linesOf(Path file) throws Exception {
		ExchangeFileItemReader alone = reader(file, new ImportAggregates(new KeptTablesStore()), 9, 299);
		return readAll(new StepBoundReader(alone), Thread.currentThread().getName(), new CyclicBarrier(1));
	}

	/**
	 * Opens, reads to the end and closes as a step does on its thread; the lines read.
	 */
	private static List<Long> readAll(StepBoundReader reader, String step, CyclicBarrier turns) throws Exception {
		Thread.currentThread().setName(step);
		try {
			reader.open(new ExecutionContext());
		}
		catch (RuntimeException ex) {
			// the other step stops waiting
			turns.reset();
			throw ex;
		}
		List<Long> lines = new ArrayList<>();
		try {
			turns.await(30, TimeUnit.SECONDS);
			for (ImportedRow row = reader.read(); row != null; row = reader.read()) {
				lines.add(row.lineNumber());
				reader.update(new ExecutionContext());
			}
		}
		finally {
			reader.close();
		}
		return lines;
	}

	/**
	 * Stands in for the step-scoped proxy: its target is the reader of the step running
	 * on the calling thread; calls to the proxy itself are counted.
	 */
	static final class StepScopeProxy extends ExchangeFileItemReader implements ScopedObject {

		final AtomicInteger lookups = new AtomicInteger();

		final AtomicInteger proxyCalls = new AtomicInteger();

		private final Map<String, ExchangeFileItemReader> scope;

		StepScopeProxy(Map<String, ExchangeFileItemReader> scope) {
			super(Path.of("none"), "none", new CsvOptions(StandardCharsets.UTF_8, ','), null, null, null, -1, -1, 1);
			this.scope = scope;
		}

		@Override
		public Object getTargetObject() {
			this.lookups.incrementAndGet();
			return this.scope.get(Thread.currentThread().getName());
		}

		@Override
		public void removeFromScope() {
		}

		@Override
		public ImportedRow read() {
			this.proxyCalls.incrementAndGet();
			return this.scope.get(Thread.currentThread().getName()).read();
		}

		@Override
		public void update(ExecutionContext context) {
			this.proxyCalls.incrementAndGet();
		}

		@Override
		public void close() {
			this.proxyCalls.incrementAndGet();
		}

	}

}
