package vn.ydan.admin.consultations;

/** Where a consultation stands, as the api names it. */
public enum ConsultationStatus {

	SCHEDULED, OPEN, CLOSED, CERTIFIED, PUBLISHED;

	/** Whether its figures still move (answers or tallies may come in). */
	public boolean isLive() {
		return this == OPEN || this == CLOSED;
	}

}
