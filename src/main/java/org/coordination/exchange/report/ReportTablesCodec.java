package org.coordination.exchange.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import org.coordination.exchange.record.Condition;

/**
 * An aggregator's counters as bytes, to be kept in the store beside the import they
 * counted (table {@code import_tables}), and back. Deflated: the captivity histograms are
 * most of it and compress well.
 */
final class ReportTablesCodec {

	/**
	 * The layout, and the rules the counters follow: change it with either, and tables
	 * kept by an earlier version are not used (their imports are read from the store).
	 */
	static final int FORMAT = 1;

	private ReportTablesCodec() {
	}

	static byte[] write(ReportAggregator tables) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
			out.writeInt(FORMAT);
			out.writeInt(tables.stages.size());
			for (ReportAggregator.StageGroup stage : tables.stages.values()) {
				out.writeUTF(stage.key.agreement());
				out.writeInt(stage.key.stage());
				writeCounts(stage, out);
				for (long count : new long[] { stage.toUa, stage.toRu, stage.military, stage.civilians, stage.remains,
						stage.age18To25 }) {
					out.writeLong(count);
				}
				out.writeInt(stage.dates.size());
				for (Map.Entry<LocalDate, long[]> date : stage.dates.entrySet()) {
					out.writeLong(date.getKey().toEpochDay());
					out.writeLong(date.getValue()[0]);
				}
				out.writeInt(stage.branches.size());
				for (Map.Entry<String, ReportAggregator.Counts> branch : stage.branches.entrySet()) {
					out.writeUTF(branch.getKey());
					writeCounts(branch.getValue(), out);
				}
				out.writeInt(stage.conditions.size());
				for (Map.Entry<Condition, Long> condition : stage.conditions.entrySet()) {
					out.writeUTF(condition.getKey().name());
					out.writeLong(condition.getValue());
				}
				stage.captivity.writeTo(out);
			}
			out.writeInt(tables.branches.size());
			for (ReportAggregator.BranchGroup branch : tables.branches.values()) {
				out.writeUTF(branch.branch);
				writeCounts(branch, out);
				branch.captivity.writeTo(out);
			}
			out.writeInt(tables.days.size());
			for (Map.Entry<LocalDate, ReportAggregator.DayCounts> day : tables.days.entrySet()) {
				out.writeLong(day.getKey().toEpochDay());
				ReportAggregator.DayCounts counts = day.getValue();
				for (long count : new long[] { counts.records, counts.toUa, counts.toRu, counts.remains }) {
					out.writeLong(count);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * The tables the bytes hold, or none when they are of another format or unreadable:
	 * their import is then read from the store instead.
	 */
	static Optional<ReportAggregator> read(byte[] bytes) {
		try (DataInputStream in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(bytes)))) {
			if (in.readInt() != FORMAT) {
				return Optional.empty();
			}
			ReportAggregator tables = new ReportAggregator();
			for (int stages = in.readInt(); stages > 0; stages--) {
				StageKey key = new StageKey(in.readUTF(), in.readInt());
				ReportAggregator.StageGroup stage = new ReportAggregator.StageGroup(key);
				readCounts(stage, in);
				stage.toUa = in.readLong();
				stage.toRu = in.readLong();
				stage.military = in.readLong();
				stage.civilians = in.readLong();
				stage.remains = in.readLong();
				stage.age18To25 = in.readLong();
				for (int dates = in.readInt(); dates > 0; dates--) {
					stage.countDate(LocalDate.ofEpochDay(in.readLong()), in.readLong());
				}
				for (int branches = in.readInt(); branches > 0; branches--) {
					String branch = in.readUTF();
					readCounts(stage.branches.computeIfAbsent(branch, (code) -> new ReportAggregator.Counts()), in);
				}
				for (int conditions = in.readInt(); conditions > 0; conditions--) {
					stage.conditions.merge(Condition.valueOf(in.readUTF()), in.readLong(), Long::sum);
				}
				stage.captivity.merge(CaptivityStats.readFrom(in));
				tables.stages.merge(key, stage, ReportAggregator.StageGroup::merge);
			}
			for (int branches = in.readInt(); branches > 0; branches--) {
				ReportAggregator.BranchGroup branch = new ReportAggregator.BranchGroup(in.readUTF());
				readCounts(branch, in);
				branch.captivity.merge(CaptivityStats.readFrom(in));
				tables.branches.merge(branch.branch, branch, ReportAggregator.BranchGroup::merge);
			}
			for (int days = in.readInt(); days > 0; days--) {
				LocalDate date = LocalDate.ofEpochDay(in.readLong());
				ReportAggregator.DayCounts counts = new ReportAggregator.DayCounts();
				counts.records = in.readLong();
				counts.toUa = in.readLong();
				counts.toRu = in.readLong();
				counts.remains = in.readLong();
				tables.days.merge(date, counts, ReportAggregator.DayCounts::merge);
			}
			if (in.read() != -1) {
				return Optional.empty();
			}
			return Optional.of(tables);
		}
		catch (IOException | RuntimeException ex) {
			// a condition code this version no longer knows, or damaged bytes
			return Optional.empty();
		}
	}

	private static void writeCounts(ReportAggregator.Counts counts, DataOutput out) throws IOException {
		for (long count : new long[] { counts.returned, counts.officers, counts.ncos, counts.enlisted, counts.severe,
				counts.withConditions }) {
			out.writeLong(count);
		}
	}

	private static void readCounts(ReportAggregator.Counts counts, DataInput in) throws IOException {
		counts.returned += in.readLong();
		counts.officers += in.readLong();
		counts.ncos += in.readLong();
		counts.enlisted += in.readLong();
		counts.severe += in.readLong();
		counts.withConditions += in.readLong();
	}

}
