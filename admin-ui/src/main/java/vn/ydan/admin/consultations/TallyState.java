package vn.ydan.admin.consultations;

/** Where a residential group's paper count stands, as the api names it. */
public enum TallyState {

	AWAITING_SECOND_ENTRY, MISMATCH, VERIFIED

}
