/**
 * The resident's own page: a signed-in resident's household, its commune, the plan and
 * the question each consultation asks it, and the answer, through the same api operations
 * a resident app uses ({@code myHousehold}, {@code answerConsultation}).
 */
@NullMarked
package vn.ydan.admin.residents;

import org.jspecify.annotations.NullMarked;
