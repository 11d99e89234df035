package org.coordination.exchange.input;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.coordination.exchange.record.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ExchangeFileReaderTests {

	private static final String HEADER = "record_id,exchange_date,stage,side,category";

	private static final String UTF8_HINT = " (if the file is not UTF-8, give its encoding with --encoding, e.g. windows-1251)";

	@TempDir
	Path dir;

	@Test
	void readsUtf8ByDefaultAndSkipsByteOrderMark() throws IOException {
		Path file = write(bytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
				(HEADER + ",capture_place\nR1,2025-06-10,1,UA,MILITARY,Маріуполь\n").getBytes(StandardCharsets.UTF_8)));
		try (ExchangeFileReader reader = ExchangeFileReader.open(file, CsvOptions.defaults())) {
			assertThat(reader.header().index(Column.RECORD_ID)).isZero();
			assertThat(reader.header().unknownColumns()).isEmpty();
			RawRecord record = reader.next();
			assertThat(record.fields()).containsExactly("R1", "2025-06-10", "1", "UA", "MILITARY", "Маріуполь");
			assertThat(reader.next()).isNull();
		}
	}

	@Test
	void invalidByteSequenceIsAFileProblemNamingLineAndColumn() throws IOException {
		Path file = write(bytes((HEADER + "\nR1,2025-06-10,1,UA,MILITARY\nR2,").getBytes(StandardCharsets.UTF_8),
				new byte[] { (byte) 0xFF }, ",1,UA,MILITARY\n".getBytes(StandardCharsets.UTF_8)));
		try (ExchangeFileReader reader = ExchangeFileReader.open(file, CsvOptions.defaults())) {
			assertThat(reader.next().raw()).isEqualTo("R1,2025-06-10,1,UA,MILITARY");
			assertThatExceptionOfType(InputFileException.class).isThrownBy(reader::next)
				.withMessage(file + ": line 3, column 4: invalid UTF-8 byte sequence" + UTF8_HINT)
				.satisfies((ex) -> {
					assertThat(ex.line()).isEqualTo(3);
					assertThat(ex.column()).isEqualTo(4);
					assertThat(ex.problem()).isEqualTo("invalid UTF-8 byte sequence" + UTF8_HINT);
				});
		}
	}

	@Test
	void windows1251FileReadWithWindows1251GivesCyrillic() throws IOException {
		Charset cp1251 = Charset.forName("windows-1251");
		Path file = write((HEADER + ",service_branch,capture_place\nR1,02.06.2025,1,UA,MILITARY,ДШВ,Маріуполь\n")
			.getBytes(cp1251));
		try (ExchangeFileReader reader = ExchangeFileReader.open(file, new CsvOptions(cp1251, null))) {
			RawRecord record = reader.next();
			assertThat(reader.header().value(record.fields(), Column.SERVICE_BRANCH)).isEqualTo("ДШВ");
			assertThat(reader.header().value(record.fields(), Column.CAPTURE_PLACE)).isEqualTo("Маріуполь");
		}
		assertThatExceptionOfType(InputFileException.class).isThrownBy(() -> readAll(file, CsvOptions.defaults()))
			.withMessage(file + ": line 2, column 29: invalid UTF-8 byte sequence" + UTF8_HINT);
	}

	@Test
	void separatorIsTheMoreFrequentOfCommaAndSemicolonInTheHeaderLine() throws IOException {
		Path semicolons = write("record_id;exchange_date;stage;side;category\nR1;2025-06-10;1;UA;\"MIL,ITARY\"\n");
		try (ExchangeFileReader reader = ExchangeFileReader.open(semicolons, CsvOptions.defaults())) {
			assertThat(reader.separator()).isEqualTo(';');
			assertThat(reader.next().fields()).containsExactly("R1", "2025-06-10", "1", "UA", "MIL,ITARY");
		}
		Path tie = write(HEADER + ",\"a;b;c;d;e\"\nR1,2025-06-10,1,UA,MILITARY,x\n");
		try (ExchangeFileReader reader = ExchangeFileReader.open(tie, CsvOptions.defaults())) {
			assertThat(reader.separator()).isEqualTo(',');
			assertThat(reader.header().unknownColumns()).containsExactly("a;b;c;d;e");
		}
	}

	@Test
	void separatorOptionOverridesDetection() throws IOException {
		Path file = write(HEADER + ",\"a;b;c;d;e;f;g\"\nR1,2025-06-10,1,UA,MILITARY,x\n");
		assertThatExceptionOfType(InputFileException.class)
			.isThrownBy(() -> ExchangeFileReader.open(file, CsvOptions.defaults()))
			.withMessageStartingWith(file + ": line 1: header lacks required columns");
		try (ExchangeFileReader reader = ExchangeFileReader.open(file, new CsvOptions(StandardCharsets.UTF_8, ','))) {
			assertThat(reader.separator()).isEqualTo(',');
			assertThat(reader.next().fields()).hasSize(6);
		}
	}

	@Test
	void lfCrlfAndMixedLineEndingsAreNotPartOfRaw() throws IOException {
		Path file = write(
				HEADER + ",agreement\r\nR1,2025-06-10,1,UA,MILITARY,a\nR2,2025-06-10,1,UA,MILITARY,\"two\r\nlines\"\r\n"
						+ "R3,2025-06-10,1,UA,MILITARY,c");
		List<RawRecord> records = readAll(file);
		assertThat(records).extracting(RawRecord::raw)
			.containsExactly("R1,2025-06-10,1,UA,MILITARY,a", "R2,2025-06-10,1,UA,MILITARY,\"two\nlines\"",
					"R3,2025-06-10,1,UA,MILITARY,c");
		assertThat(records.get(1).fields()[5]).isEqualTo("two\nlines");
		assertThat(records).extracting(RawRecord::lineNumber).containsExactly(2L, 3L, 5L);
	}

	@Test
	void blankLinesAreIgnoredOutsideQuotesAndLineNumbersStayExact() throws IOException {
		Path file = write(
				"\n \t\n,,,;\n" + HEADER + ",agreement\n\nR1,2025-06-10,1,UA,MILITARY,a\n   \n,,,,,\n , ,\t,\r\n"
						+ "R2,2025-06-10,1,UA,MILITARY,\"x\n\n , \ny\"\nR3,2025-06-10,1,UA,MILITARY,c\n\n\n");
		List<RawRecord> records = readAll(file);
		assertThat(records).extracting(RawRecord::lineNumber).containsExactly(6L, 10L, 14L);
		assertThat(records).allMatch((record) -> !record.malformed());
		assertThat(records.get(1).fields()[5]).isEqualTo("x\n\n , \ny");
	}

	@Test
	void headerIsTheFirstNonBlankLineAndMissingRequiredColumnsNameIt() throws IOException {
		Path file = write("\n  \nrecord_id, Stage ,comment\nR1,1,x\n");
		assertThatExceptionOfType(InputFileException.class)
			.isThrownBy(() -> ExchangeFileReader.open(file, CsvOptions.defaults()))
			.withMessage(file + ": line 3: header lacks required columns 'exchange_date', 'side', 'category'")
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(3));
		Path one = write("record_id,exchange_date,side,category\n");
		assertThatExceptionOfType(InputFileException.class)
			.isThrownBy(() -> ExchangeFileReader.open(one, CsvOptions.defaults()))
			.withMessage(one + ": line 1: header lacks required column 'stage'");
	}

	@Test
	void fileWithoutHeaderIsEmpty() throws IOException {
		for (byte[] content : List.of(new byte[0], new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
				" \n,,;\r\n\t\n".getBytes(StandardCharsets.UTF_8))) {
			Path file = write(content);
			assertThatExceptionOfType(InputFileException.class)
				.isThrownBy(() -> ExchangeFileReader.open(file, CsvOptions.defaults()))
				.withMessage(file + ": file is empty (no header)");
		}
	}

	@Test
	void headerWithoutRowsImportsNothing() throws IOException {
		Path file = write(HEADER + "\n\n");
		assertThat(readAll(file)).isEmpty();
	}

	@Test
	void headerRepeatingAKnownColumnIsAFileProblem() throws IOException {
		Path file = write(HEADER + ",Record ID\n");
		assertThatExceptionOfType(InputFileException.class)
			.isThrownBy(() -> ExchangeFileReader.open(file, CsvOptions.defaults()))
			.withMessage(file + ": line 1: header has column 'record_id' more than once");
	}

	@Test
	void unreadableFileIsAFileProblem() {
		Path missing = this.dir.resolve("missing.csv");
		assertThatExceptionOfType(InputFileException.class)
			.isThrownBy(() -> ExchangeFileReader.open(missing, CsvOptions.defaults()))
			.withMessage(missing + ": cannot read file: no such file");
		assertThatExceptionOfType(InputFileException.class)
			.isThrownBy(() -> ExchangeFileReader.open(this.dir, CsvOptions.defaults()))
			.withMessage(this.dir + ": cannot read file: it is a directory");
	}

	@Test
	void quoteNotClosedWithinTenLinesCostsOneRow() throws IOException {
		StringBuilder content = new StringBuilder(HEADER + "\nR1,2025-06-10,1,UA,\"MILITARY\n");
		for (int i = 2; i <= 12; i++) {
			content.append("R").append(i).append(",2025-06-10,1,UA,MILITARY\n");
		}
		List<RawRecord> records = readAll(write(content.toString()));
		assertThat(records).hasSize(12);
		assertThat(records.get(0)).satisfies((record) -> {
			assertThat(record.malformed()).isTrue();
			assertThat(record.lineNumber()).isEqualTo(2);
			assertThat(record.raw()).isEqualTo("R1,2025-06-10,1,UA,\"MILITARY");
		});
		for (int i = 1; i < 12; i++) {
			assertThat(records.get(i).fields()[0]).isEqualTo("R" + (i + 1));
			assertThat(records.get(i).lineNumber()).isEqualTo(i + 2);
		}
	}

	@Test
	void strayQuoteInThousandLineFileCostsExactlyOneRow() throws IOException {
		StringBuilder content = new StringBuilder(HEADER).append('\n');
		for (int line = 2; line <= 1000; line++) {
			content.append("R").append(line).append(",2025-06-10,1,UA,");
			content.append((line == 500) ? "\"MILITARY" : "MILITARY").append('\n');
		}
		List<RawRecord> records = readAll(write(content.toString()));
		assertThat(records).hasSize(999);
		assertThat(records).filteredOn(RawRecord::malformed)
			.singleElement()
			.satisfies((record) -> assertThat(record.lineNumber()).isEqualTo(500));
		List<RawRecord> intact = records.stream().filter((record) -> !record.malformed()).toList();
		assertThat(intact).hasSize(998);
		for (RawRecord record : intact) {
			assertThat(record.fields()[0]).isEqualTo("R" + record.lineNumber());
			assertThat(record.raw()).isEqualTo("R" + record.lineNumber() + ",2025-06-10,1,UA,MILITARY");
		}
	}

	@Test
	void quoteStillOpenAtEndOfFileCostsOneRow() throws IOException {
		Path file = write(HEADER + "\nR1,2025-06-10,1,UA,\"MILITARY\nR2,2025-06-10,1,UA,MILITARY\n"
				+ "R3,2025-06-10,1,UA,MILITARY");
		List<RawRecord> records = readAll(file);
		assertThat(records).extracting(RawRecord::lineNumber).containsExactly(2L, 3L, 4L);
		assertThat(records.get(0).malformed()).isTrue();
		assertThat(records.get(2).raw()).isEqualTo("R3,2025-06-10,1,UA,MILITARY");
	}

	@Test
	void recordMaySpanTenLinesButNotEleven() throws IOException {
		String ten = "R1,2025-06-10,1,UA,\"MILITARY" + "\n".repeat(9) + "\"";
		String eleven = "R2,2025-06-10,1,UA,\"MILITARY" + "\nx".repeat(10) + "\"";
		List<RawRecord> records = readAll(
				write(HEADER + "\n" + ten + "\n" + eleven + "\nR3,2025-06-10,1,UA,MILITARY\n"));
		assertThat(records.get(0).malformed()).isFalse();
		assertThat(records.get(0).fields()[4]).isEqualTo("MILITARY" + "\n".repeat(9));
		assertThat(records.get(1)).satisfies((record) -> {
			assertThat(record.malformed()).isTrue();
			assertThat(record.lineNumber()).isEqualTo(12);
			assertThat(record.raw()).isEqualTo("R2,2025-06-10,1,UA,\"MILITARY");
		});
		// the lines after the first are read again: nine single fields "x", then x" and
		// R3
		assertThat(records.subList(2, records.size())).extracting(RawRecord::lineNumber)
			.containsExactly(13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L, 21L, 22L, 23L);
		assertThat(records.subList(2, 12)).allMatch(RawRecord::malformed);
		assertThat(records.get(12).fields()[0]).isEqualTo("R3");
	}

	@Test
	void fieldOverTenThousandCharactersIsMalformed() throws IOException {
		String longest = "x".repeat(ExchangeFileReader.MAX_FIELD_LENGTH);
		String quotes = "\"\"".repeat(ExchangeFileReader.MAX_FIELD_LENGTH);
		Path file = write(HEADER + ",agreement\n" + "R1,2025-06-10,1,UA,MILITARY," + longest + "\n"
				+ "R2,2025-06-10,1,UA,MILITARY," + longest + "y\n" + "R3,2025-06-10,1,UA,MILITARY,\"" + quotes + "\"\n"
				+ "R4,2025-06-10,1,UA,MILITARY,\"" + quotes + "\"\"\"\n");
		List<RawRecord> records = readAll(file);
		assertThat(records).extracting(RawRecord::malformed).containsExactly(false, true, false, true);
		// only the start of a row's text is held: at most 10,000 characters and "…"
		assertThat(records.get(1).raw()).isEqualTo(
				("R2,2025-06-10,1,UA,MILITARY," + longest + "y").substring(0, ExchangeFileReader.RAW_LIMIT) + "…");
		assertThat(records.get(2).fields()[5]).isEqualTo("\"".repeat(ExchangeFileReader.MAX_FIELD_LENGTH));
	}

	@Test
	void fieldCountDifferentFromHeaderIsMalformed() throws IOException {
		Path file = write(
				HEADER + "\nR1,2025-06-10,1,UA\nR2,2025-06-10,1,UA,MILITARY,extra\nR3,2025-06-10,1,UA,MILITARY,\n"
						+ "R4,2025-06-10,1,UA,MILITARY\n");
		List<RawRecord> records = readAll(file);
		assertThat(records).extracting(RawRecord::malformed).containsExactly(true, true, true, false);
		assertThat(records).extracting(RawRecord::raw)
			.containsExactly("R1,2025-06-10,1,UA", "R2,2025-06-10,1,UA,MILITARY,extra", "R3,2025-06-10,1,UA,MILITARY,",
					"R4,2025-06-10,1,UA,MILITARY");
	}

	@Test
	void malformedMultiLineRecordResumesAtItsSecondLine() throws IOException {
		Path file = write(HEADER + "\nR1,2025-06-10,1,\"UA\nR2\",2025-06-10,1,UA,MILITARY,extra\n"
				+ "R3,2025-06-10,1,UA,MILITARY\n");
		List<RawRecord> records = readAll(file);
		assertThat(records).extracting(RawRecord::lineNumber).containsExactly(2L, 3L, 4L);
		assertThat(records).extracting(RawRecord::raw)
			.containsExactly("R1,2025-06-10,1,\"UA", "R2\",2025-06-10,1,UA,MILITARY,extra",
					"R3,2025-06-10,1,UA,MILITARY");
		assertThat(records).extracting(RawRecord::malformed).containsExactly(true, true, false);
	}

	@Test
	void hugeLineIsMalformedWithoutBeingHeldWhole() throws IOException {
		Path file = this.dir.resolve("huge.csv");
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			out.write(HEADER + "\nR1,2025-06-10,1,UA,\"");
			char[] chunk = "abcdefghij".repeat(100_000).toCharArray();
			for (int i = 0; i < 50; i++) {
				out.write(chunk);
			}
			out.write("\nR2,2025-06-10,1,UA,MILITARY\n");
		}
		List<RawRecord> records = readAll(file);
		assertThat(records).hasSize(2);
		assertThat(records.get(0)).satisfies((record) -> {
			assertThat(record.malformed()).isTrue();
			assertThat(record.lineNumber()).isEqualTo(2);
			assertThat(record.raw()).hasSize(ExchangeFileReader.RAW_LIMIT + 1)
				.startsWith("R1,2025-06-10,1,UA,\"abcdefghij")
				.endsWith("…");
		});
		assertThat(records.get(1).lineNumber()).isEqualTo(3);
		assertThat(records.get(1).fields()[0]).isEqualTo("R2");
	}

	@Test
	void longLineInsideOpenQuoteIsReadAgainAfterTheMalformedRow() throws IOException {
		String big = "y".repeat(200_000);
		Path file = write(HEADER + "\nR1,2025-06-10,1,UA,\"MILITARY\nR2,2025-06-10,1,UA,MILITARY\n" + big
				+ "\nR3,2025-06-10,1,UA,MILITARY\n");
		List<RawRecord> records = readAll(file);
		assertThat(records).extracting(RawRecord::lineNumber).containsExactly(2L, 3L, 4L, 5L);
		assertThat(records).extracting(RawRecord::malformed).containsExactly(true, false, true, false);
		assertThat(records.get(2).raw()).isEqualTo("y".repeat(ExchangeFileReader.RAW_LIMIT) + "…");
	}

	@Test
	void backslashIsAnOrdinaryCharacterAndDoubledQuotesAreOneQuote() throws IOException {
		Path file = write(HEADER + ",capture_place\nR1,2025-06-10,1,UA,MILITARY,\"C:\\dir\\\"\n"
				+ "R2,2025-06-10,1,UA,MILITARY,\"say \"\"hi\"\", ok\"\nR3,2025-06-10,1,UA,MILITARY,a\\,b\n");
		List<RawRecord> records = readAll(file);
		assertThat(records.get(0).fields()[5]).isEqualTo("C:\\dir\\");
		assertThat(records.get(1).fields()[5]).isEqualTo("say \"hi\", ok");
		assertThat(records.get(2).malformed()).isTrue();
	}

	@Test
	void spacesAroundQuotedFieldsAreIgnored() throws IOException {
		Path file = write(HEADER + ",capture_place\nR1, \"2025-06-10\" ,1,UA,MILITARY,\t\"Kyiv, Obolon\"  \n");
		try (ExchangeFileReader reader = ExchangeFileReader.open(file, CsvOptions.defaults())) {
			RawRecord record = reader.next();
			assertThat(record.fields()).containsExactly("R1", "2025-06-10", "1", "UA", "MILITARY", "Kyiv, Obolon");
			assertThat(record.raw()).isEqualTo("R1, \"2025-06-10\" ,1,UA,MILITARY,\t\"Kyiv, Obolon\"  ");
		}
	}

	@Test
	void recordsOfEveryShapeReadAlikeAcrossManyBufferBoundaries() throws IOException {
		// about 30 read buffers: plain, quoted, multi-line, CRLF, blank, Cyrillic and
		// malformed records land on every side of a boundary
		StringBuilder content = new StringBuilder(HEADER).append('\n');
		List<String[]> expected = new ArrayList<>();
		List<Long> lines = new ArrayList<>();
		long line = 2;
		for (int i = 0; i < 60_000; i++) {
			String id = "R" + i + "x".repeat(i % 23);
			String category = switch (i % 5) {
				case 0 -> "MILITARY";
				case 1 -> "\"MILI,TARY\"";
				case 2 -> "\"two\nlines\"";
				case 3 -> "Маріуполь";
				default -> "\"say \"\"hi\"\"\"";
			};
			content.append(id).append(",2025-06-10,1,UA,").append(category).append((i % 2 == 0) ? "\r\n" : "\n");
			expected.add(new String[] { id, "2025-06-10", "1", "UA", switch (i % 5) {
				case 0 -> "MILITARY";
				case 1 -> "MILI,TARY";
				case 2 -> "two\nlines";
				case 3 -> "Маріуполь";
				default -> "say \"hi\"";
			} });
			lines.add(line);
			line += (i % 5 == 2) ? 2 : 1;
			if (i % 7 == 0) {
				content.append(" ,\n");
				line++;
			}
			if (i % 1000 == 999) {
				content.append("BAD-").append(i).append(",too,few\n");
				expected.add(null);
				lines.add(line++);
			}
		}
		List<RawRecord> records = readAll(write(content.toString()));
		assertThat(records).hasSize(expected.size());
		for (int i = 0; i < records.size(); i++) {
			RawRecord record = records.get(i);
			assertThat(record.lineNumber()).as("record %d", i).isEqualTo(lines.get(i));
			if (expected.get(i) == null) {
				assertThat(record.malformed()).isTrue();
				assertThat(record.raw()).startsWith("BAD-").endsWith(",too,few");
			}
			else {
				assertThat(record.fields()).as("record %d", i).containsExactly(expected.get(i));
			}
		}
	}

	@Test
	void skipDiscardsRecordsAsNextWouldReturnThem() throws IOException {
		Path file = write(HEADER + "\nR1,2025-06-10,1,UA,\"MILITARY\n\nR2,2025-06-10,1,UA,MILITARY\n"
				+ "R3,2025-06-10,1,UA,MILITARY\n");
		try (ExchangeFileReader reader = ExchangeFileReader.open(file, CsvOptions.defaults())) {
			reader.skip(2);
			assertThat(reader.next().raw()).isEqualTo("R3,2025-06-10,1,UA,MILITARY");
			reader.skip(5);
			assertThat(reader.next()).isNull();
		}
	}

	@Test
	void messageOmitsLocationPartsThatAreZero() {
		Path file = Path.of("input", "a.csv");
		assertThat(new InputFileException(file, 1, 0, "header lacks required column 'stage'", null))
			.hasMessage("input/a.csv: line 1: header lacks required column 'stage'".replace("/",
					file.getFileSystem().getSeparator()));
		assertThat(new InputFileException(file, 0, 0, "file is empty (no header)", null).getMessage())
			.isEqualTo(file + ": file is empty (no header)");
		assertThat(new InputFileException(file, 7, 3, "bad", null).getMessage())
			.isEqualTo(file + ": line 7, column 3: bad");
	}

	@Test
	void binaryFilesAreNotCsvText() throws IOException {
		Path png = write(bytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D }));
		assertThatExceptionOfType(InputFileException.class)
			.isThrownBy(() -> ExchangeFileReader.open(png, CsvOptions.defaults()))
			.withMessage(png + ": not a CSV text file: it looks like a PNG image");
		Path zip = write(bytes(new byte[] { 'P', 'K', 3, 4, 20, 0 }, HEADER.getBytes(StandardCharsets.UTF_8)));
		assertThatExceptionOfType(InputFileException.class)
			.isThrownBy(() -> ExchangeFileReader.open(zip, new CsvOptions(Charset.forName("windows-1251"), null)))
			.withMessage(zip + ": not a CSV text file: it looks like a ZIP archive (an .xlsx workbook is one: "
					+ "save it as CSV first)");
		Path xls = write(bytes(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
				(byte) 0xE1 }));
		assertThatExceptionOfType(InputFileException.class)
			.isThrownBy(() -> ExchangeFileReader.open(xls, CsvOptions.defaults()))
			.withMessageEndingWith(": not a CSV text file: it looks like an Office document (.xls or .doc: "
					+ "save it as CSV first)");
	}

	@Test
	void nulBytesInTheHeaderMeanBinaryOrUtf16() throws IOException {
		Path utf16 = write((HEADER + "\nR1,2025-06-10,1,UA,MILITARY\n").getBytes(StandardCharsets.UTF_16LE));
		assertThatExceptionOfType(InputFileException.class)
			.isThrownBy(() -> ExchangeFileReader.open(utf16, CsvOptions.defaults()))
			.withMessage(utf16 + ": line 1: not a CSV text file: the header holds NUL bytes (binary data, or UTF-16 "
					+ "text: then give --encoding UTF-16)");
		List<RawRecord> records = readAll(utf16, new CsvOptions(StandardCharsets.UTF_16LE, null));
		assertThat(records).singleElement().satisfies((record) -> assertThat(record.fields()[0]).isEqualTo("R1"));
	}

	@Test
	void byteOrderMarkContradictingTheEncodingIsAFileProblem() throws IOException {
		Path utf16 = write(bytes(new byte[] { (byte) 0xFF, (byte) 0xFE },
				(HEADER + "\nR1,2025-06-10,1,UA,MILITARY\n").getBytes(StandardCharsets.UTF_16LE)));
		assertThatExceptionOfType(InputFileException.class)
			.isThrownBy(() -> ExchangeFileReader.open(utf16, CsvOptions.defaults()))
			.withMessage(utf16 + ": the file is UTF-16 text (it starts with a UTF-16 byte-order mark): "
					+ "give --encoding UTF-16");
		assertThat(readAll(utf16, new CsvOptions(StandardCharsets.UTF_16, null))).hasSize(1);
		Path utf8 = write(bytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
				(HEADER + "\nR1,2025-06-10,1,UA,MILITARY\n").getBytes(StandardCharsets.UTF_8)));
		assertThatExceptionOfType(InputFileException.class)
			.isThrownBy(() -> ExchangeFileReader.open(utf8, new CsvOptions(Charset.forName("windows-1251"), null)))
			.withMessage(utf8 + ": the file is UTF-8 text (it starts with a UTF-8 byte-order mark), not "
					+ "windows-1251: leave out --encoding");
	}

	@Test
	void utf8FileReadWithASingleByteEncodingIsAFileProblemNotMojibake() throws IOException {
		Path file = write(HEADER + ",capture_place\nR1,2025-06-10,1,UA,MILITARY,Маріуполь\n");
		assertThatExceptionOfType(InputFileException.class)
			.isThrownBy(() -> ExchangeFileReader.open(file, new CsvOptions(Charset.forName("windows-1251"), null)))
			.withMessage(file + ": the file looks like UTF-8 text, not windows-1251: leave out --encoding, or "
					+ "convert the file");
		// plain ASCII is the same in both
		Path ascii = write(HEADER + "\nR1,2025-06-10,1,UA,MILITARY\n");
		assertThat(readAll(ascii, new CsvOptions(Charset.forName("windows-1251"), null))).hasSize(1);
	}

	@Test
	void nulInADataRowMakesThatRowMalformedAndIsShownAsASymbol() throws IOException {
		Path file = write(HEADER + ",agreement\nR1,2025-06-10,1,UA,MILITARY,a\nR2,2025-06-10,1,UA,MILITARY,a\0b\n"
				+ "R3,2025-06-10,1,UA,\"MILITARY\n\0\",x\nR4,2025-06-10,1,UA,MILITARY,d\n");
		List<RawRecord> records = readAll(file);
		assertThat(records).extracting(RawRecord::lineNumber).containsExactly(2L, 3L, 4L, 5L, 6L);
		assertThat(records).extracting(RawRecord::malformed).containsExactly(false, true, true, true, false);
		assertThat(records.get(1).raw()).isEqualTo("R2,2025-06-10,1,UA,MILITARY,a\u2400b");
		assertThat(records.get(3).raw()).isEqualTo("\u2400\",x");
	}

	@Test
	void crOnlyLineEndsAreAFileProblem() throws IOException {
		Path file = write(HEADER + "\rR1,2025-06-10,1,UA,MILITARY\rR2,2025-06-10,1,UA,MILITARY\r");
		assertThatExceptionOfType(InputFileException.class)
			.isThrownBy(() -> ExchangeFileReader.open(file, CsvOptions.defaults()))
			.withMessage(file + ": line 1: lines end with CR only (old Mac format): save the file with LF or CRLF "
					+ "line ends");
	}

	private Path write(String content) throws IOException {
		return write(content.getBytes(StandardCharsets.UTF_8));
	}

	private Path write(byte[] content) throws IOException {
		return Files.write(Files.createTempFile(this.dir, "input", ".csv"), content);
	}

	private static byte[] bytes(byte[]... parts) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.write(part);
		}
		return out.toByteArray();
	}

	private static List<RawRecord> readAll(Path file) {
		return readAll(file, CsvOptions.defaults());
	}

	private static List<RawRecord> readAll(Path file, CsvOptions options) {
		List<RawRecord> records = new ArrayList<>();
		try (ExchangeFileReader reader = ExchangeFileReader.open(file, options)) {
			for (RawRecord record = reader.next(); record != null; record = reader.next()) {
				records.add(record);
			}
		}
		return records;
	}

}
