package org.coordination.exchange.report;

/**
 * The reports could not be written; the message is one line saying where and why, and the
 * previous reports are as they were.
 */
public class ReportWriteException extends RuntimeException {

	ReportWriteException(String message, Throwable cause) {
		super(message, cause);
	}

}
