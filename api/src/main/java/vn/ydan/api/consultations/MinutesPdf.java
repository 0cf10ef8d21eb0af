package vn.ydan.api.consultations;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import org.springframework.stereotype.Component;

import vn.ydan.api.plans.PlanOutline;
import vn.ydan.api.protocol.VietnamTime;

/**
 * A commune's summary minutes (biên bản tổng hợp kết quả lấy ý kiến cử tri) as PDF: the
 * commune, the plan and what it proposes, the window, households, who took part, agree /
 * disagree / invalid with their shares of all households, the pass rule and the outcome,
 * certification, and room for signatures. Until the commune is certified the minutes say
 * they are a draft.
 * <p>
 * Laid out as Decree 30/2020/NĐ-CP sets administrative documents: the issuing body and
 * the document number ("Số: …/BB-UBND", left blank for the body's register, which numbers
 * what it signs) on the left, the national motto and the place-and-date line on the
 * right, Times New Roman, 13 pt: here Liberation Serif, metric-compatible with it and
 * free (SIL OFL), from the {@code openpdf-fonts-extra} jar, embedded as Identity-H
 * subsets with a ToUnicode map so the text can be searched and copied back exactly. No
 * font of the machine is used. Besides the commune's minutes, a district's or a
 * province's summary minutes roll its communes up ({@link #writeSummary}), as the reports
 * sent up the chain.
 */
@Component
class MinutesPdf {

	private static final String FONTS = "/liberation/";

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy")
		.withZone(vn.ydan.api.protocol.VietnamTime.ZONE);

	private final byte[] regular = font("LiberationSerif-Regular.ttf");

	private final byte[] bold = font("LiberationSerif-Bold.ttf");

	private final byte[] italic = font("LiberationSerif-Italic.ttf");

	private final Clock clock;

	MinutesPdf(Clock clock) {
		this.clock = clock;
	}

	/**
	 * The minutes of commune {@code communeId} (internal id), its result and its row of
	 * the result table.
	 */
	byte[] write(Consultation consultation, @Nullable PlanOutline plan, String communeId,
			ResultViews.CommuneResult commune, ResultTable.Row row) {
		return write(consultation, plan, communeId, commune, row, placeName(row.commune()), List.of());
	}

	/**
	 * The commune's minutes with the breakdown by residential group.
	 * @param place the place name of the date line (Decree 30: the unit's own name)
	 * @param groups its residential groups' figures, in the register's order
	 */
	byte[] write(Consultation consultation, @Nullable PlanOutline plan, String communeId,
			ResultViews.CommuneResult commune, ResultTable.Row row, String place, List<Part> groups) {
		return pdf("Biên bản tổng hợp kết quả lấy ý kiến cử tri — " + row.commune(), (document, fonts) -> {
			heading(document, fonts, row.commune(), place);
			body(document, fonts, consultation, plan, communeId, commune, row);
			if (!groups.isEmpty()) {
				breakdown(document, fonts, "Kết quả theo tổ dân phố, thôn", "Tổ dân phố, thôn", groups);
			}
			signatures(document, fonts, row.commune());
		});
	}

	/**
	 * A district's or a province's summary minutes: its communes rolled up, each with its
	 * outcome and certification, the names chosen, and its own certification.
	 * @param unitFullName the district or province ("Quận Ba Đình")
	 * @param place the place name of the date line
	 * @param total its communes summed (households, took part, agree…)
	 * @param communes each commune asked below it
	 * @param winners the names chosen for the new units its communes go to
	 */
	byte[] writeSummary(Consultation consultation, @Nullable PlanOutline plan, String unitId, String unitFullName,
			String place, ResultTable.Row total, List<Part> communes, List<WinningNames.Winner> winners) {
		return pdf("Biên bản tổng hợp kết quả lấy ý kiến cử tri — " + unitFullName, (document, fonts) -> {
			heading(document, fonts, unitFullName, place);
			about(document, fonts, consultation, plan, unitId);
			line(document, fonts, "Đơn vị tổng hợp: ",
					unitFullName + ((total.province().isEmpty() || total.province().equals(unitFullName)) ? ""
							: ", " + total.province()));
			line(document, fonts, "Đợt lấy ý kiến: ",
					consultation.title() + ((consultation.round() > 1) ? " (vòng " + consultation.round() + ")" : ""));
			line(document, fonts, "Thời gian: ",
					"từ " + WHEN.format(consultation.opensAt()) + " đến " + WHEN.format(consultation.closesAt()));
			long passed = communes.stream().filter((part) -> part.outcome() == Consultation.Outcome.PASS).count();
			long failed = communes.stream().filter((part) -> part.outcome() == Consultation.Outcome.FAIL).count();
			line(document, fonts, "Số đơn vị cấp xã được lấy ý kiến: ", communes.size() + " (đạt: " + passed
					+ "; không đạt: " + failed + "; chưa có kết quả: " + (communes.size() - passed - failed) + ")");
			figures(document, fonts, total);
			breakdown(document, fonts, "Kết quả theo đơn vị cấp xã", "Đơn vị cấp xã", communes);
			for (WinningNames.Winner winner : winners) {
				StringBuilder counts = new StringBuilder();
				for (ResultViews.NameCount name : winner.counts()) {
					counts.append((counts.length() > 0) ? "; " : "")
						.append(name.name())
						.append(": ")
						.append(name.count());
				}
				line(document, fonts, "Tên gọi của " + winner.proposedFullName() + ": ",
						counts + ((winner.name() != null) ? " — được chọn nhiều nhất: " + winner.name()
								+ (winner.tied() ? " (bằng phiếu; theo thứ tự của phương án)" : "") : ""));
			}
			rule(document, fonts, consultation);
			certification(document, fonts, certification(consultation, unitId));
			signatures(document, fonts, unitFullName);
		});
	}

	private byte[] pdf(String title, Content content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		// Decree 30: A4, margins top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
		Document document = new Document(PageSize.A4, 85, 57, 57, 57);
		try {
			PdfWriter.getInstance(document, out);
			Fonts fonts = new Fonts(baseFont("LiberationSerif-Regular.ttf", this.regular),
					baseFont("LiberationSerif-Bold.ttf", this.bold),
					baseFont("LiberationSerif-Italic.ttf", this.italic));
			document.addTitle(title);
			document.addCreator("Ý Dân");
			document.open();
			content.write(document, fonts);
			document.close();
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("Could not write the minutes", ex);
		}
		return out.toByteArray();
	}

	private interface Content {

		void write(Document document, Fonts fonts) throws DocumentException;

	}

	/**
	 * The heading Decree 30 sets: the body and the number on the left; the motto and the
	 * place-and-date line on the right; then the kind of document and its title.
	 */
	private void heading(Document document, Fonts fonts, String unitFullName, String place) throws DocumentException {
		PdfPTable top = new PdfPTable(new float[] { 1, 1.45f });
		top.setWidthPercentage(100);
		top.addCell(centered(fonts, new Phrase[] { new Phrase("ỦY BAN NHÂN DÂN\n", fonts.regular(12)),
				new Phrase(unitFullName.toUpperCase(VIETNAMESE) + "\n", fonts.bold(12)),
				new Phrase("―――――\n", fonts.regular(8)), new Phrase("Số:        /BB-UBND", fonts.regular(13)) }));
		top.addCell(centered(fonts,
				new Phrase[] { new Phrase("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", fonts.bold(12)),
						new Phrase("Độc lập - Tự do - Hạnh phúc\n", fonts.bold(13)),
						new Phrase("―――――――――――\n", fonts.regular(8)),
						new Phrase(placeAndDate(place, LocalDate.now(this.clock.withZone(VietnamTime.ZONE))),
								fonts.italic(13)) }));
		document.add(top);
		Paragraph title = new Paragraph("BIÊN BẢN TỔNG HỢP KẾT QUẢ LẤY Ý KIẾN CỬ TRI", fonts.bold(14));
		title.setAlignment(Element.ALIGN_CENTER);
		title.setSpacingBefore(24);
		document.add(title);
	}

	/**
	 * "Phúc Xá, ngày 03 tháng 12 năm 2026": Decree 30 writes days below 10 and the months
	 * January and February with a leading zero.
	 */
	static String placeAndDate(String place, LocalDate date) {
		String day = (date.getDayOfMonth() < 10) ? "0" + date.getDayOfMonth() : String.valueOf(date.getDayOfMonth());
		String month = (date.getMonthValue() < 3) ? "0" + date.getMonthValue() : String.valueOf(date.getMonthValue());
		return place + ", ngày " + day + " tháng " + month + " năm " + date.getYear();
	}

	/**
	 * The place name of the date line from a unit's full name: its own name without the
	 * type ("Phường Phúc Xá" → "Phúc Xá"), but a name that is a number keeps its type
	 * ("Phường 5"), as Decree 30 writes them.
	 */
	static String placeName(String fullName) {
		for (String type : List.of("Thành phố", "Thị trấn", "Thị xã", "Đặc khu", "Phường", "Quận", "Huyện", "Tỉnh",
				"Xã")) {
			if (fullName.startsWith(type + " ")) {
				String name = fullName.substring(type.length() + 1).strip();
				return name.matches("\\d+") ? fullName : name;
			}
		}
		return fullName;
	}

	private void body(Document document, Fonts fonts, Consultation consultation, @Nullable PlanOutline plan,
			String communeId, ResultViews.CommuneResult result, ResultTable.Row row) throws DocumentException {
		Consultation.ConsultedUnit asked = consultation.unit(communeId);
		about(document, fonts, consultation, plan, communeId);
		String place = row.commune() + (row.district().isEmpty() ? "" : ", " + row.district())
				+ (row.province().isEmpty() ? "" : ", " + row.province());
		line(document, fonts, "Đơn vị lấy ý kiến: ", place + (row.code().isEmpty() ? "" : " (mã " + row.code() + ")"));
		line(document, fonts, "Đợt lấy ý kiến: ",
				consultation.title() + ((consultation.round() > 1) ? " (vòng " + consultation.round() + ")" : ""));
		line(document, fonts, "Thời gian: ",
				"từ " + WHEN.format(consultation.opensAt()) + " đến " + WHEN.format(consultation.closesAt()));
		if (asked != null && !asked.successors().isEmpty()) {
			line(document, fonts, "Nội dung lấy ý kiến: ",
					"sắp xếp " + row.commune() + " vào " + String.join(", ", asked.successors()));
		}
		if (asked != null && !asked.nameChoices().isEmpty()) {
			line(document, fonts, "Tên gọi đề xuất để lựa chọn: ", String.join("; ", asked.nameChoices()));
		}
		figures(document, fonts, row);
		line(document, fonts, "Tổ dân phố, thôn đã có số liệu xác minh: ",
				result.groupsReported() + "/" + result.groups());
		questions(document, fonts, result.questions());
		rule(document, fonts, consultation);
		Paragraph outcome = fonts.paragraph();
		outcome.add(new Phrase("Kết quả: ", fonts.bold(13)));
		outcome.add(new Phrase(switch (row.outcome()) {
			case PASS -> "ĐẠT — phương án được đa số cử tri đại diện hộ gia đình đồng ý (" + percent(row.agreeShare())
					+ " tổng số hộ).";
			case FAIL -> "KHÔNG ĐẠT — số hộ đồng ý (" + percent(row.agreeShare()) + " tổng số hộ) chưa đạt điều kiện.";
			case PENDING -> "CHƯA CÓ KẾT QUẢ — đợt lấy ý kiến chưa kết thúc hoặc còn tổ chưa có số liệu xác minh.";
		}, fonts.bold(13)));
		document.add(outcome);
		certification(document, fonts, certification(consultation, communeId));
	}

	/** What the minutes are about, and whether they are a draft (not certified). */
	private void about(Document document, Fonts fonts, Consultation consultation, @Nullable PlanOutline plan,
			String unitId) throws DocumentException {
		Paragraph about = new Paragraph(
				"về phương án sắp xếp đơn vị hành chính" + ((plan != null) ? ": " + plan.title() : ""), fonts.bold(13));
		about.setAlignment(Element.ALIGN_CENTER);
		about.setSpacingAfter(14);
		document.add(about);
		if (certification(consultation, unitId) == null) {
			Paragraph draft = new Paragraph("BẢN NHÁP: kết quả của đơn vị chưa được xác nhận", fonts.bold(13, RED));
			draft.setAlignment(Element.ALIGN_CENTER);
			draft.setSpacingAfter(10);
			document.add(draft);
		}
	}

	private void figures(Document document, Fonts fonts, ResultTable.Row row) throws DocumentException {
		Paragraph counts = new Paragraph("Kết quả tổng hợp", fonts.bold(13));
		counts.setSpacingBefore(12);
		counts.setSpacingAfter(6);
		document.add(counts);
		PdfPTable figures = new PdfPTable(new float[] { 3.2f, 1.2f, 1.6f });
		figures.setWidthPercentage(100);
		header(figures, fonts, "Nội dung", "Số hộ", "Tỷ lệ trên tổng số hộ");
		figure(figures, fonts, "Tổng số hộ gia đình", row.households(), "100%");
		figure(figures, fonts, "Số hộ tham gia ý kiến", row.tookPart(), percent(row.turnout()));
		figure(figures, fonts, "   trong đó: trả lời trực tuyến", row.online(),
				percent(ResultTable.share(row.online(), row.households())));
		figure(figures, fonts, "   phiếu giấy thu về", row.paperReturned(),
				percent(ResultTable.share(row.paperReturned(), row.households())));
		figure(figures, fonts, "Đồng ý", row.agree(), percent(row.agreeShare()));
		figure(figures, fonts, "Không đồng ý", row.disagree(), percent(row.disagreeShare()));
		figure(figures, fonts, "Phiếu không hợp lệ", row.invalid(),
				percent(ResultTable.share(row.invalid(), row.households())));
		document.add(figures);
	}

	/**
	 * Every question of the form beyond the arrangement (which the figures show): the
	 * choices with their counts, the province merger's agree and disagree.
	 */
	private void questions(Document document, Fonts fonts, List<ResultViews.QuestionResult> questions)
			throws DocumentException {
		for (ResultViews.QuestionResult question : questions) {
			switch (question.question()) {
				case ARRANGEMENT -> {
				}
				case PROVINCE_MERGER -> line(document, fonts, question.text() + " ",
						"Đồng ý: " + question.agree() + "; không đồng ý: " + question.disagree() + ".");
				default -> line(document, fonts, question.text() + ": ", ResultTable.QuestionCells.choices(question)
						+ ((question.leading() != null) ? " — được chọn nhiều nhất: " + question.leading() : "") + ".");
			}
		}
	}

	/** One row per part (residential group, or commune) with its figures. */
	private void breakdown(Document document, Fonts fonts, String title, String column, List<Part> parts)
			throws DocumentException {
		Paragraph heading = new Paragraph(title, fonts.bold(13));
		heading.setSpacingBefore(12);
		heading.setSpacingAfter(6);
		document.add(heading);
		PdfPTable table = new PdfPTable(new float[] { 3f, 1f, 1.1f, 1f, 1.1f, 1.1f, 1.5f });
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		header(table, fonts, column, "Số hộ", "Tham gia", "Đồng ý", "Không đồng ý", "Không hợp lệ", "Kết quả");
		for (Part part : parts) {
			table.addCell(padded(new PdfPCell(new Phrase(part.name(), fonts.regular(11))), Element.ALIGN_LEFT));
			for (long count : new long[] { part.households(), part.tookPart(), part.agree(), part.disagree(),
					part.invalid() }) {
				table.addCell(padded(new PdfPCell(new Phrase(String.valueOf(count), fonts.regular(11))),
						Element.ALIGN_RIGHT));
			}
			table.addCell(padded(new PdfPCell(new Phrase(part.state(), fonts.regular(11))), Element.ALIGN_LEFT));
		}
		document.add(table);
	}

	private void rule(Document document, Fonts fonts, Consultation consultation) throws DocumentException {
		Paragraph rule = fonts.paragraph();
		rule.setSpacingBefore(10);
		rule.add(new Phrase("Điều kiện thông qua: ", fonts.bold(13)));
		rule.add(new Phrase("số hộ đồng ý " + consultation.rule().describe() + " của đơn vị.", fonts.regular(13)));
		document.add(rule);
	}

	private void certification(Document document, Fonts fonts, @Nullable Certification certification)
			throws DocumentException {
		Paragraph certified = fonts.paragraph();
		certified.add(new Phrase("Xác nhận kết quả: ", fonts.bold(13)));
		certified.add(new Phrase((certification != null)
				? "đã xác nhận bởi " + certification.by() + " lúc " + WHEN.format(certification.at()) + "."
				: "chưa xác nhận.", fonts.regular(13)));
		document.add(certified);
	}

	private void signatures(Document document, Fonts fonts, String unitFullName) throws DocumentException {
		Paragraph made = new Paragraph("Biên bản lập lúc " + WHEN.format(Instant.now(this.clock))
				+ " từ hệ thống Ý Dân, gửi cấp trên theo quy định.", fonts.regular(10, GREY));
		made.setSpacingBefore(10);
		made.setSpacingAfter(18);
		document.add(made);
		PdfPTable signatures = new PdfPTable(2);
		signatures.setWidthPercentage(100);
		// Decree 30: "Nơi nhận" on the left, the signature on the right.
		Paragraph recipients = fonts.paragraph();
		recipients.add(new Phrase("Nơi nhận:\n", fonts.boldItalic(12)));
		recipients.add(new Phrase("- Ủy ban nhân dân cấp trên;\n- Lưu: VT.\n\n", fonts.regular(11)));
		recipients.add(new Phrase("THƯ KÝ TỔNG HỢP\n", fonts.bold(13)));
		recipients.add(new Phrase("(Ký, ghi rõ họ tên)", fonts.italic(13)));
		PdfPCell left = new PdfPCell();
		left.addElement(recipients);
		left.setBorder(0);
		signatures.addCell(left);
		String chair = "TM. ỦY BAN NHÂN DÂN\n" + unitFullName.toUpperCase(VIETNAMESE) + "\nCHỦ TỊCH\n";
		signatures.addCell(centered(fonts, new Phrase[] { new Phrase(chair, fonts.bold(13)),
				new Phrase("(Ký, ghi rõ họ tên, đóng dấu)", fonts.italic(13)) }));
		document.add(signatures);
	}

	/**
	 * A row of a breakdown: a residential group of a commune, or a commune of a district
	 * or province.
	 *
	 * @param name its full name
	 * @param households households
	 * @param tookPart households that took part
	 * @param agree agree
	 * @param disagree disagree
	 * @param invalid invalid paper forms
	 * @param outcome its outcome (communes), PENDING for a group
	 * @param state what the last column says ("Đạt, đã xác nhận", "Đã xác minh"…)
	 */
	record Part(String name, long households, long tookPart, long agree, long disagree, long invalid,
			Consultation.Outcome outcome, String state) {
	}

	private static void line(Document document, Fonts fonts, String label, String value) throws DocumentException {
		Paragraph line = fonts.paragraph();
		line.setSpacingAfter(3);
		line.add(new Phrase(label, fonts.bold(13)));
		line.add(new Phrase(value, fonts.regular(13)));
		document.add(line);
	}

	private static void header(PdfPTable table, Fonts fonts, String... labels) {
		for (String label : labels) {
			PdfPCell cell = new PdfPCell(new Phrase(label, fonts.bold(11)));
			cell.setBackgroundColor(new Color(0xDD, 0xEB, 0xF7));
			cell.setPadding(5);
			table.addCell(cell);
		}
	}

	private static void figure(PdfPTable table, Fonts fonts, String label, long count, String share) {
		table.addCell(padded(new PdfPCell(new Phrase(label, fonts.regular(12))), Element.ALIGN_LEFT));
		table.addCell(padded(new PdfPCell(new Phrase(String.valueOf(count), fonts.regular(12))), Element.ALIGN_RIGHT));
		table.addCell(padded(new PdfPCell(new Phrase(share, fonts.regular(12))), Element.ALIGN_RIGHT));
	}

	private static PdfPCell padded(PdfPCell cell, int alignment) {
		cell.setPadding(5);
		cell.setHorizontalAlignment(alignment);
		return cell;
	}

	private static PdfPCell centered(Fonts fonts, Phrase[] phrases) {
		// Without a font of its own, an empty paragraph's line ends would use Helvetica,
		// which is neither embedded nor able to show Vietnamese.
		Paragraph paragraph = fonts.paragraph();
		for (Phrase phrase : phrases) {
			paragraph.add(phrase);
		}
		paragraph.setAlignment(Element.ALIGN_CENTER);
		PdfPCell cell = new PdfPCell();
		cell.addElement(paragraph);
		cell.setBorder(0);
		return cell;
	}

	/** Vietnamese notation: a decimal comma. */
	static String percent(double share) {
		String text = (share == Math.rint(share)) ? String.valueOf((long) share)
				: String.format(Locale.ROOT, "%.2f", share);
		return text.replace('.', ',') + "%";
	}

	private static @Nullable Certification certification(Consultation consultation, String unitId) {
		Consultation.Certification certification = consultation.certifications().get(unitId);
		return (certification != null) ? new Certification(certification.by(), certification.at()) : null;
	}

	private static BaseFont baseFont(String name, byte[] bytes) {
		try {
			return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
		}
		catch (DocumentException | IOException ex) {
			throw new IllegalStateException("Could not load the font " + name, ex);
		}
	}

	private static byte[] font(String name) {
		try (InputStream in = MinutesPdf.class.getResourceAsStream(FONTS + name)) {
			if (in == null) {
				throw new IllegalStateException("Font " + FONTS + name + " is missing (openpdf-fonts-extra)");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private static final Color RED = new Color(0xB0, 0x00, 0x20);

	private static final Color GREY = new Color(0x60, 0x60, 0x60);

	private record Certification(String by, Instant at) {
	}

	private record Fonts(BaseFont regularFont, BaseFont boldFont, BaseFont italicFont) {

		Font italic(float size) {
			return new Font(this.italicFont, size);
		}

		Font boldItalic(float size) {
			return new Font(this.boldFont, size, Font.ITALIC);
		}

		Font regular(float size) {
			return new Font(this.regularFont, size);
		}

		Font regular(float size, Color color) {
			return new Font(this.regularFont, size, Font.NORMAL, color);
		}

		Paragraph paragraph() {
			Paragraph paragraph = new Paragraph();
			paragraph.setFont(regular(13));
			return paragraph;
		}

		Font bold(float size) {
			return new Font(this.boldFont, size);
		}

		Font bold(float size, Color color) {
			return new Font(this.boldFont, size, Font.NORMAL, color);
		}

	}

}
