package org.coordination.exchange.job;

/** A file had more rejected rows than the reject limit allows; none of it is stored. */
public class RejectLimitExceededException extends RuntimeException {

	public RejectLimitExceededException(String message) {
		super(message);
	}

}
