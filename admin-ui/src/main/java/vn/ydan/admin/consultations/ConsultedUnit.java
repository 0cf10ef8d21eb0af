package vn.ydan.admin.consultations;

import java.util.List;

import vn.ydan.admin.api.UnitRef;

/**
 * A commune asked.
 *
 * @param unit the commune
 * @param successors the new unit(s) the plan puts it in
 * @param nameChoices names offered; empty when there is no choice
 * @param households households in the register
 */
public record ConsultedUnit(UnitRef unit, List<String> successors, List<String> nameChoices, int households) {
}
