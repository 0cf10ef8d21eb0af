package vn.ydan.api.units;

/**
 * The shapes of CSV file that the import reads (the GraphQL enum of the same name).
 */
enum UnitImportKind {

	PROVINCES,

	DISTRICTS,

	COMMUNES,

	HANOI_UNITS_BEFORE,

	RESIDENTIAL_GROUPS

}
