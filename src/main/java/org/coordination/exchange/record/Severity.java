package org.coordination.exchange.record;

/** Assessed severity of a returnee's medical state; absent means not assessed. */
public enum Severity {

	NONE, MODERATE, SEVERE

}
