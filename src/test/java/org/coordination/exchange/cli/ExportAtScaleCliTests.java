package org.coordination.exchange.cli;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The xlsx export of a million records streams: the real jar, with a heap far too small
 * to hold them (a million records take some hundreds of megabytes as objects), writes
 * every one.
 */
class ExportAtScaleCliTests {

	static final int RECORDS = 1_000_000;

	@TempDir
	Path work;

	@Test
	void exportsAMillionRecordsToXlsxInA64MegabyteHeap() throws Exception {
		assertThat(exchange(List.of(), "run", "--input", ExchangeCliTests.FIXTURES.resolve("stage-3.csv").toString()))
			.isZero();
		// a million more records for the same import, straight into the store
		try (Connection connection = DriverManager
			.getConnection("jdbc:h2:file:" + this.work.resolve("data/exchanges").toAbsolutePath(), "sa", "");
				Statement statement = connection.createStatement()) {
			statement.executeUpdate(
					"INSERT INTO exchange_record (row_key, import_id, record_id, line_number, exchange_date, "
							+ "agreement, stage, side, category, service_branch, rank_group, age, captured_on, capture_place, "
							+ "conditions, severity) SELECT (SELECT MAX(import_id) FROM import_file) * 4294967296 + X + 10, "
							+ "(SELECT MAX(import_id) FROM import_file), "
							+ "'M-' || LPAD(CAST(X AS VARCHAR), 7, '0'), X + 10, DATE '2025-06-26', 'Bulk', 3, "
							+ "CASE MOD(X, 2) WHEN 0 THEN 'UA' ELSE 'RU' END, 'MILITARY', 'NAVY', 'ENLISTED', 30, "
							+ "DATE '2023-01-01', 'Place', 3, 'SEVERE' FROM SYSTEM_RANGE(1, " + RECORDS + ")");
		}

		assertThat(exchange(List.of("-Xmx64m"), "export", "--format", "xlsx")).isZero();

		assertThat(Files.readString(this.work.resolve("out.txt")))
			.startsWith("Exported " + (RECORDS + 3) + " records to exports/exchange_records.xlsx in ");
		Rows rows = rows(this.work.resolve("exports/exchange_records.xlsx"));
		assertThat(rows.count()).isEqualTo(RECORDS + 3 + 1);
		// ordered by record_id: the three imported (B-…), then the bulk ones (M-…)
		assertThat(rows.lastRecordId()).isEqualTo("M-" + RECORDS);
	}

	private int exchange(List<String> jvmOptions, String... args) throws Exception {
		List<String> command = JarProcess.commandForLargeInput(jvmOptions);
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).directory(this.work.toFile())
			.redirectOutput(this.work.resolve("out.txt").toFile())
			.redirectError(this.work.resolve("err.txt").toFile())
			.start();
		assertThat(process.waitFor(600, TimeUnit.SECONDS)).as("finished in time").isTrue();
		assertThat(Files.readString(this.work.resolve("err.txt"), StandardCharsets.UTF_8)).isEmpty();
		return process.exitValue();
	}

	/**
	 * Counts the rows of the first sheet without loading it: a million rows do not fit.
	 */
	private static Rows rows(Path xlsx) throws Exception {
		try (ZipFile zip = new ZipFile(xlsx.toFile())) {
			ZipEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
			try (InputStream in = zip.getInputStream(sheet)) {
				XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in);
				long count = 0;
				String firstCell = null;
				boolean inFirstCell = false;
				StringBuilder text = new StringBuilder();
				while (xml.hasNext()) {
					int event = xml.next();
					if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
						count++;
					}
					else if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
						inFirstCell = xml.getAttributeValue(null, "r").matches("A[0-9]+");
						text.setLength(0);
					}
					else if (event == XMLStreamConstants.CHARACTERS && inFirstCell) {
						text.append(xml.getText());
					}
					else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c") && inFirstCell) {
						firstCell = text.toString();
						inFirstCell = false;
					}
				}
				return new Rows(count, firstCell);
			}
		}
	}

	record Rows(long count, String lastRecordId) {

	}

}
