package org.coordination.exchange.record;

/** What was returned: a serviceman, a civilian, or the body of one of the fallen. */
public enum Category {

	MILITARY, CIVILIAN, REMAINS

}
