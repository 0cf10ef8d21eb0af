package vn.ydan.admin.consultations;

/** A commune's result. */
public enum Outcome {

	PASS, FAIL, PENDING

}
