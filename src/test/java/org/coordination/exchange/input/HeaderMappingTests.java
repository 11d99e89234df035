package org.coordination.exchange.input;

import org.coordination.exchange.record.Column;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HeaderMappingTests {

	@Test
	void namesMatchCaseInsensitivelyWithUnderscoreDashAndSpaceAlike() {
		HeaderMapping header = HeaderMapping.of("Record-ID", " EXCHANGE DATE\t", "stage", "Side", "category",
				"Service_Branch", "rank-group");
		assertThat(header.index(Column.RECORD_ID)).isEqualTo(0);
		assertThat(header.index(Column.EXCHANGE_DATE)).isEqualTo(1);
		assertThat(header.index(Column.STAGE)).isEqualTo(2);
		assertThat(header.index(Column.SIDE)).isEqualTo(3);
		assertThat(header.index(Column.CATEGORY)).isEqualTo(4);
		assertThat(header.index(Column.SERVICE_BRANCH)).isEqualTo(5);
		assertThat(header.index(Column.RANK_GROUP)).isEqualTo(6);
	}

	@Test
	void absentColumnHasIndexMinusOne() {
		HeaderMapping header = HeaderMapping.of("category", "record_id");
		assertThat(header.index(Column.AGE)).isEqualTo(-1);
		assertThat(header.has(Column.AGE)).isFalse();
		assertThat(header.has(Column.CATEGORY)).isTrue();
		assertThat(header.index(Column.RECORD_ID)).isEqualTo(1);
	}

	@Test
	void valueIsTrimmedOfSpacesAndTabsAndEmptyForAbsentColumn() {
		HeaderMapping header = HeaderMapping.of("record_id", "side", "agreement");
		String[] fields = { " \tR1 \t", "UA", "  Istanbul  talks " };
		assertThat(header.value(fields, Column.RECORD_ID)).isEqualTo("R1");
		assertThat(header.value(fields, Column.SIDE)).isEqualTo("UA");
		assertThat(header.value(fields, Column.AGREEMENT)).isEqualTo("Istanbul  talks");
		assertThat(header.value(fields, Column.STAGE)).isEmpty();
		assertThat(header.value(new String[] { " \t " }, Column.RECORD_ID)).isEmpty();
	}

	@Test
	void unknownColumnsAreListedInHeaderOrderAsWritten() {
		HeaderMapping header = HeaderMapping.of(" Comment ", "record_id", "", "Unit-Code", "stage", "comment");
		assertThat(header.unknownColumns()).containsExactly("Comment", "Unit-Code", "comment");
	}

	@Test
	void sizeCountsEveryHeaderField() {
		assertThat(HeaderMapping.of("record_id", "x", "").size()).isEqualTo(3);
	}

	@Test
	void repeatedKnownColumnIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> HeaderMapping.of("record_id", "stage", "x", "x", "STAGE"))
			.withMessage("header has column 'stage' more than once");
	}

	@Test
	void missingRequiredColumnsAreListedInColumnOrder() {
		assertThat(HeaderMapping.of("side", "service_branch", "record_id").missingRequired())
			.containsExactly(Column.EXCHANGE_DATE, Column.STAGE, Column.CATEGORY);
		assertThat(HeaderMapping.of("record_id", "exchange_date", "stage", "side", "category").missingRequired())
			.isEmpty();
	}

}
