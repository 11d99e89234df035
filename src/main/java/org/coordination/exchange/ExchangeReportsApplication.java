package org.coordination.exchange;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring configuration of the exchange-reports job: the commands that need the store
 * start a context from it (see {@code cli.StoreOptions}); the process starts at
 * {@code cli.ExchangeReports}.
 */
@SpringBootApplication
public class ExchangeReportsApplication {

}
