package org.coordination.exchange.job;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import org.coordination.exchange.input.ExchangeFileReader;
import org.coordination.exchange.input.HeaderMapping;
import org.coordination.exchange.input.RawRecord;
import org.coordination.exchange.record.Column;
import org.coordination.exchange.record.RejectedRow;
import org.coordination.exchange.store.ImportedRow;
import org.coordination.exchange.validation.AcceptedRecordIds;
import org.coordination.exchange.validation.DuplicateRecordIdCheck;
import org.coordination.exchange.validation.ExchangeRecordValidator;
import org.coordination.exchange.validation.RowVerdict;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a read record into an accepted record or a rejected row with all its reasons
 * (SPEC §3). Duplicate detection spans the whole file, so it outlives chunks.
 */
public class ExchangeRecordProcessor implements ItemProcessor<RawRecord, ImportedRow> {

	static final List<String> MALFORMED = List.of("MALFORMED_ROW");

	private final String fileName;

	private final Supplier<HeaderMapping> header;

	private final ExchangeRecordValidator validator;

	private final DuplicateRecordIdCheck duplicates;

	// the file's header, taken from the reader once it has opened the file
	private HeaderMapping mapping;

	ExchangeRecordProcessor(String fileName, Supplier<HeaderMapping> header, ExchangeRecordValidator validator,
			DuplicateRecordIdCheck duplicates) {
		this.fileName = fileName;
		this.header = header;
		this.validator = validator;
		this.duplicates = duplicates;
	}

	/** A processor for one file, with duplicate detection in memory, starting empty. */
	public static ExchangeRecordProcessor forFile(Path file, Supplier<HeaderMapping> header,
			ExchangeRecordValidator validator) {
		return forFile(file, header, validator, AcceptedRecordIds.inMemory());
	}

	/** A processor for one file, with duplicate detection over the given ids. */
	static ExchangeRecordProcessor forFile(Path file, Supplier<HeaderMapping> header, ExchangeRecordValidator validator,
			AcceptedRecordIds acceptedIds) {
		return new ExchangeRecordProcessor(file.getFileName().toString(), header, validator,
				new DuplicateRecordIdCheck(acceptedIds));
	}

	@Override
	public ImportedRow process(RawRecord item) {
		if (item.malformed()) {
			return ImportedRow.rejected(new RejectedRow(this.fileName, item.lineNumber(), "", MALFORMED, item.raw()));
		}
		if (this.mapping == null) {
			this.mapping = this.header.get();
		}
		HeaderMapping mapping = this.mapping;
		String[] fields = item.fields();
		String recordId = mapping.value(fields, Column.RECORD_ID);
		RowVerdict verdict = this.duplicates
			.apply(this.validator.validate((column) -> mapping.value(fields, column), mapping::has), recordId);
		if (verdict.accepted()) {
			return ImportedRow.accepted(item.lineNumber(), verdict.record());
		}
		return ImportedRow
			.rejected(new RejectedRow(this.fileName, item.lineNumber(), recordId, verdict.reasons(), item.raw()));
	}

}
