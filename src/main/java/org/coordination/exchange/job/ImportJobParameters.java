package org.coordination.exchange.job;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The parameters of one file's import job. The file, its content hash, how it is read and
 * the reject limit identify the job instance, so the same command after a crash restarts
 * the same instance; the run id and run date only describe an execution.
 *
 * @param file the input file
 * @param sha256 hex SHA-256 of its content
 * @param charset its encoding
 * @param separator its separator, or {@code null} to detect it
 * @param maxRejects the reject limit
 * @param runId the run that launches it
 * @param runDate the run date, for future-date checks
 */
public record ImportJobParameters(Path file, String sha256, Charset charset, Character separator, long maxRejects,
		long runId, LocalDate runDate) {

	static final String FILE = "input.file";

	/** The path as the user gave it, for messages; the identifying one is absolute. */
	static final String DISPLAY_PATH = "input.display-path";

	static final String SHA256 = "input.sha256";

	static final String ENCODING = "input.encoding";

	static final String SEPARATOR = "input.separator";

	static final String MAX_REJECTS = "max.rejects";

	static final String RUN_ID = "run.id";

	static final String RUN_DATE = "run.date";

	public JobParameters toJobParameters() {
		return new JobParametersBuilder().addString(FILE, this.file.toAbsolutePath().normalize().toString())
			.addString(DISPLAY_PATH, this.file.toString(), false)
			.addString(SHA256, this.sha256)
			.addString(ENCODING, this.charset.name())
			.addString(SEPARATOR, (this.separator != null) ? this.separator.toString() : "detect")
			.addLong(MAX_REJECTS, this.maxRejects)
			.addLong(RUN_ID, this.runId, false)
			.addLocalDate(RUN_DATE, this.runDate, false)
			.toJobParameters();
	}

}
