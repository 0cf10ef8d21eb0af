package vn.ydan.admin.consultations;

/** More than, or at least, the threshold. */
public enum PassOperator {

	GT, GTE

}
