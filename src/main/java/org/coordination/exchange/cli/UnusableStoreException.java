package org.coordination.exchange.cli;

/**
 * The store cannot be opened as configured (its key is missing, wrong or unusable): like
 * an unusable command line, it stops the command with exit status 2 before anything is
 * done.
 */
class UnusableStoreException extends RuntimeException {

	UnusableStoreException(String message, Throwable cause) {
		super(message, cause);
	}

}
