package org.coordination.exchange.record;

/** Rank group of a serviceman. */
public enum RankGroup {

	OFFICER, NCO, ENLISTED

}
