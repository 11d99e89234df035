package org.coordination.exchange.report;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DeflaterOutputStream;

import org.coordination.exchange.record.ExchangeRecord;
import org.coordination.exchange.record.RankGroup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTablesCodecTests {

	@Test
	void tablesReadBackAreTheTablesWritten() {
		List<ExchangeRecord> records = ReportAggregatorTests.varied();
		for (int cut = 0; cut <= records.size(); cut++) {
			ReportAggregator tables = aggregatorOf(records.subList(0, cut));
			ReportData expected = tables.result();

			ReportAggregator read = ReportTablesCodec.read(ReportTablesCodec.write(tables)).orElseThrow();

			assertThat(read.result()).as("%d records", cut).isEqualTo(expected);
		}
	}

	@Test
	void tablesReadBackCanBeMergedAndHaveRecordsTakenBack() {
		List<ExchangeRecord> records = ReportAggregatorTests.varied();
		ReportAggregator all = aggregatorOf(records.subList(0, 5));
		all.merge(ReportTablesCodec.read(ReportTablesCodec.write(aggregatorOf(records.subList(5, records.size()))))
			.orElseThrow());
		records.subList(3, 8).forEach(all::remove);

		List<ExchangeRecord> rest = new ArrayList<>(records.subList(0, 3));
		rest.addAll(records.subList(8, records.size()));
		assertThat(all.result()).isEqualTo(aggregatorOf(rest).result());
	}

	@Test
	void largeTablesAreSmallAsBytes() {
		ReportAggregator tables = new ReportAggregator();
		for (int i = 0; i < 100_000; i++) {
			tables.add(TestRecords.military((i % 2 == 0) ? "NAVY" : "AIR_FORCE", RankGroup.ENLISTED)
				.stage("Geneva", 1 + i % 40)
				.on("2025-06-10")
				.captured(LocalDate.of(2025, 6, 10).minusDays(i % 3000).toString())
				.build());
		}
		byte[] bytes = ReportTablesCodec.write(tables);
		// 40 stages and 2 branches of 3,000 captivity days each
		assertThat(bytes.length).isLessThan(1_000_000);
		assertThat(ReportTablesCodec.read(bytes).orElseThrow().result()).isEqualTo(tables.result());
	}

	@Test
	void tablesOfAnotherFormatAreNotRead() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
			out.writeInt(ReportTablesCodec.FORMAT + 1);
			out.writeInt(0);
			out.writeInt(0);
			out.writeInt(0);
		}
		assertThat(ReportTablesCodec.read(bytes.toByteArray())).isEmpty();
	}

	@Test
	void damagedTablesAreNotRead() {
		byte[] bytes = ReportTablesCodec.write(aggregatorOf(ReportAggregatorTests.varied()));
		assertThat(ReportTablesCodec.read(Arrays.copyOf(bytes, bytes.length / 2))).isEmpty();
		assertThat(ReportTablesCodec.read(new byte[] { 1, 2, 3 })).isEmpty();
	}

	@Test
	void tablesFollowedByMoreAreNotRead() throws IOException {
		assertThat(ReportTablesCodec.read(emptyTablesAnd(new int[0]))).isPresent();
		assertThat(ReportTablesCodec.read(emptyTablesAnd(new int[] { 7 }))).isEmpty();
	}

	/** Tables without groups in this format, then these numbers. */
	private static byte[] emptyTablesAnd(int[] more) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
			for (int value : new int[] { ReportTablesCodec.FORMAT, 0, 0, 0 }) {
				out.writeInt(value);
			}
			for (int value : more) {
				out.writeInt(value);
			}
		}
		return bytes.toByteArray();
	}

	private static ReportAggregator aggregatorOf(List<ExchangeRecord> records) {
		ReportAggregator aggregator = new ReportAggregator();
		records.forEach(aggregator::add);
		return aggregator;
	}

}
