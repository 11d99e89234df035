package org.coordination.exchange;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ExchangeReportsApplication {

	public static void main(String[] args) {
		// wired to the command line later in this change
	}

}
