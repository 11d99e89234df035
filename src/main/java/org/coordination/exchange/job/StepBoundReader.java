package org.coordination.exchange.job;

import org.coordination.exchange.store.ImportedRow;

import org.springframework.aop.scope.ScopedObject;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The import step's reader as the step calls it: the running step's own
 * {@link ExchangeFileItemReader}, looked up once when the step opens it. Through its
 * step-scoped proxy every {@code read()} looked the bean up in the step's scope, about 3%
 * of the import thread's time for one row each. Files are imported side by side by the
 * same step on threads of their own, and a step opens, reads and closes its reader on its
 * thread, so the reader is kept per thread; on any other thread the proxy is used.
 */
final class StepBoundReader implements ItemStreamReader<ImportedRow>, ItemWriteListener<ImportedRow> {

	private final ExchangeFileItemReader scoped;

	private final ThreadLocal<ExchangeFileItemReader> current = new ThreadLocal<>();

	/**
	 * @param scoped the step-scoped reader's proxy
	 */
	StepBoundReader(ExchangeFileItemReader scoped) {
		this.scoped = scoped;
	}

	@Override
	public void open(ExecutionContext context) {
		ExchangeFileItemReader reader = (this.scoped instanceof ScopedObject proxy)
				? (ExchangeFileItemReader) proxy.getTargetObject() : this.scoped;
		this.current.set(reader);
		reader.open(context);
	}

	@Override
	public ImportedRow read() {
		return reader().read();
	}

	@Override
	public void afterWrite(Chunk<? extends ImportedRow> items) {
		reader().afterWrite(items);
	}

	@Override
	public void update(ExecutionContext context) {
		reader().update(context);
	}

	@Override
	public void close() {
		ExchangeFileItemReader reader = reader();
		this.current.remove();
		reader.close();
	}

	private ExchangeFileItemReader reader() {
		ExchangeFileItemReader reader = this.current.get();
		return (reader != null) ? reader : this.scoped;
	}

}
