package org.coordination.exchange.record;

/**
 * Medical condition codes; declared in alphabetical order of their codes except OTHER.
 */
public enum Condition {

	ABSCESS, AMPUTATION, CHRONIC_DISEASE, HEPATITIS, INFECTION, OTHER, SHRAPNEL_WOUND, TRAUMA, TUBERCULOSIS, VISION_LOSS

}
