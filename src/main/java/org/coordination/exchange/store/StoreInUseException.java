package org.coordination.exchange.store;

/**
 * Another process is running on the store: a run is refused at once, as H2's file lock
 * refuses it on an H2 store.
 */
public class StoreInUseException extends RuntimeException {

	public StoreInUseException() {
		super("the store is in use by another process (a run in progress)");
	}

}
