package org.coordination.exchange.cli;

/** A command that works on the store, so that errors can name it. */
interface StoreCommand {

	StoreOptions store();

}
