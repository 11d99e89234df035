package org.coordination.exchange.export;

import java.util.function.Consumer;

import org.coordination.exchange.record.ExchangeRecord;

/** The records to export, streamed in the order they are to be written. */
@FunctionalInterface
public interface RecordSource {

	void forEach(Consumer<ExchangeRecord> action);

}
