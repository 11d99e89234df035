package org.coordination.exchange.export;

import java.util.Locale;

/** The file formats of {@code export}, each with its file name. */
public enum ExportFormat {

	CSV("exchange_records.csv"), XLSX("exchange_records.xlsx");

	private final String fileName;

	ExportFormat(String fileName) {
		this.fileName = fileName;
	}

	public String fileName() {
		return this.fileName;
	}

	/**
	 * The format named {@code csv} or {@code xlsx}, in any case.
	 * @throws IllegalArgumentException for any other name
	 */
	public static ExportFormat parse(String name) {
		for (ExportFormat format : values()) {
			if (format.name().equals(name.strip().toUpperCase(Locale.ROOT))) {
				return format;
			}
		}
		throw new IllegalArgumentException("--format must be csv or xlsx, not '" + name + "'");
	}

}
