package org.coordination.exchange.record;

/** The side a person was returned to. */
public enum Side {

	UA, RU

}
