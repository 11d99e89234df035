package org.coordination.exchange.run;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock a run's start and end are read from. Tests that compare whole workbooks of
 * two runs (the Run sheet and the document's dates among them) set
 * {@code exchange.test.fixed-time} to an ISO-8601 instant; every run then starts and ends
 * at it.
 */
@Configuration(proxyBeanMethods = false)
class RunClock {

	@Bean
	Clock clock(@Value("${exchange.test.fixed-time:}") String fixedTime) {
		return fixedTime.isEmpty() ? Clock.systemUTC() : Clock.fixed(Instant.parse(fixedTime), ZoneOffset.UTC);
	}

}
