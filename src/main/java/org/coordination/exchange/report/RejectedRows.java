package org.coordination.exchange.report;

import java.util.function.Consumer;

import org.coordination.exchange.record.RejectedRow;

/**
 * A source of rejected rows in report order, read again for each report that lists them.
 */
@FunctionalInterface
public interface RejectedRows {

	void forEach(Consumer<RejectedRow> action);

}
