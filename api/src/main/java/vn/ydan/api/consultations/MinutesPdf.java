package vn.ydan.api.consultations;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
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

/**
 * A commune's summary minutes (biên bản tổng hợp kết quả lấy ý kiến cử tri) as PDF: the
 * commune, the plan and what it proposes, the window, households, who took part, agree /
 * disagree / invalid with their shares of all households, the pass rule and the outcome,
 * certification, and room for signatures. Until the commune is certified the minutes say
 * they are a draft.
 * <p>
 * Vietnamese needs a font with its glyphs embedded: DejaVu Sans (regular and bold) from
 * the {@code jasperreports-fonts} jar, embedded as Identity-H subsets with a ToUnicode
 * map, so the text can be searched and copied back exactly. No font of the machine is
 * used.
 */
@Component
class MinutesPdf {

	private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút, ngày' dd/MM/yyyy")
		.withZone(vn.ydan.api.protocol.VietnamTime.ZONE);

	private final byte[] regular = font("DejaVuSans.ttf");

	private final byte[] bold = font("DejaVuSans-Bold.ttf");

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
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 56, 56, 48, 48);
		try {
			PdfWriter.getInstance(document, out);
			Fonts fonts = new Fonts(baseFont("DejaVuSans.ttf", this.regular),
					baseFont("DejaVuSans-Bold.ttf", this.bold));
			document.addTitle("Biên bản tổng hợp kết quả lấy ý kiến cử tri — " + row.commune());
			document.addCreator("Ý Dân");
			document.open();
			heading(document, fonts, row);
			body(document, fonts, consultation, plan, communeId, commune, row);
			signatures(document, fonts, row);
			document.close();
		}
		catch (DocumentException ex) {
			throw new IllegalStateException("Could not write the minutes", ex);
		}
		return out.toByteArray();
	}

	private void heading(Document document, Fonts fonts, ResultTable.Row row) throws DocumentException {
		PdfPTable top = new PdfPTable(new float[] { 1, 1.3f });
		top.setWidthPercentage(100);
		top.addCell(centered(fonts, new Phrase[] { new Phrase("ỦY BAN NHÂN DÂN\n", fonts.bold(10)),
				new Phrase(row.commune().toUpperCase(VIETNAMESE), fonts.bold(10)) }));
		top.addCell(centered(fonts, new Phrase[] { new Phrase("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n", fonts.bold(10)),
				new Phrase("Độc lập - Tự do - Hạnh phúc", fonts.bold(10)) }));
		document.add(top);
		Paragraph title = new Paragraph("BIÊN BẢN TỔNG HỢP KẾT QUẢ LẤY Ý KIẾN CỬ TRI", fonts.bold(14));
		title.setAlignment(Element.ALIGN_CENTER);
		title.setSpacingBefore(24);
		document.add(title);
	}

	private void body(Document document, Fonts fonts, Consultation consultation, @Nullable PlanOutline plan,
			String communeId, ResultViews.CommuneResult result, ResultTable.Row row) throws DocumentException {
		Consultation.ConsultedUnit asked = consultation.unit(communeId);
		Paragraph about = new Paragraph(
				"về phương án sắp xếp đơn vị hành chính" + ((plan != null) ? ": " + plan.title() : ""),
				fonts.regular(11));
		about.setAlignment(Element.ALIGN_CENTER);
		about.setSpacingAfter(14);
		document.add(about);
		Certification certification = certification(consultation, communeId);
		if (certification == null) {
			Paragraph draft = new Paragraph("BẢN NHÁP: kết quả của đơn vị chưa được xác nhận", fonts.bold(11, RED));
			draft.setAlignment(Element.ALIGN_CENTER);
			draft.setSpacingAfter(10);
			document.add(draft);
		}
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

		Paragraph counts = new Paragraph("Kết quả tổng hợp", fonts.bold(12));
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
		line(document, fonts, "Tổ dân phố, thôn đã có số liệu xác minh: ",
				result.groupsReported() + "/" + result.groups());
		List<ResultViews.NameCount> names = result.names();
		if (!names.isEmpty()) {
			StringBuilder chosen = new StringBuilder();
			for (ResultViews.NameCount name : names) {
				chosen.append((chosen.length() > 0) ? "; " : "").append(name.name()).append(": ").append(name.count());
			}
			line(document, fonts, "Tên gọi được chọn: ", chosen.toString());
		}

		Paragraph rule = fonts.paragraph();
		rule.setSpacingBefore(10);
		rule.add(new Phrase("Điều kiện thông qua: ", fonts.bold(11)));
		rule.add(new Phrase("số hộ đồng ý " + consultation.rule().describe() + " của đơn vị.", fonts.regular(11)));
		document.add(rule);
		Paragraph outcome = fonts.paragraph();
		outcome.add(new Phrase("Kết quả: ", fonts.bold(11)));
		outcome.add(new Phrase(switch (row.outcome()) {
			case PASS -> "ĐẠT — phương án được đa số cử tri đại diện hộ gia đình đồng ý (" + percent(row.agreeShare())
					+ " tổng số hộ).";
			case FAIL -> "KHÔNG ĐẠT — số hộ đồng ý (" + percent(row.agreeShare()) + " tổng số hộ) chưa đạt điều kiện.";
			case PENDING -> "CHƯA CÓ KẾT QUẢ — đợt lấy ý kiến chưa kết thúc hoặc còn tổ chưa có số liệu xác minh.";
		}, fonts.bold(11)));
		document.add(outcome);
		Paragraph certified = fonts.paragraph();
		certified.add(new Phrase("Xác nhận kết quả: ", fonts.bold(11)));
		certified.add(new Phrase((certification != null)
				? "đã xác nhận bởi " + certification.by() + " lúc " + WHEN.format(certification.at()) + "."
				: "chưa xác nhận.", fonts.regular(11)));
		document.add(certified);
	}

	private void signatures(Document document, Fonts fonts, ResultTable.Row row) throws DocumentException {
		Paragraph made = new Paragraph("Biên bản lập lúc " + WHEN.format(Instant.now(this.clock))
				+ " từ hệ thống Ý Dân, gửi cấp trên theo quy định.", fonts.regular(9, GREY));
		made.setSpacingBefore(10);
		made.setSpacingAfter(18);
		document.add(made);
		PdfPTable signatures = new PdfPTable(2);
		signatures.setWidthPercentage(100);
		signatures.addCell(centered(fonts, new Phrase[] { new Phrase("THƯ KÝ TỔNG HỢP\n", fonts.bold(10)),
				new Phrase("(Ký, ghi rõ họ tên)", fonts.regular(9)) }));
		String chair = "TM. ỦY BAN NHÂN DÂN " + row.commune().toUpperCase(VIETNAMESE) + "\nCHỦ TỊCH\n";
		signatures.addCell(centered(fonts, new Phrase[] { new Phrase(chair, fonts.bold(10)),
				new Phrase("(Ký, ghi rõ họ tên, đóng dấu)", fonts.regular(9)) }));
		document.add(signatures);
	}

	private static void line(Document document, Fonts fonts, String label, String value) throws DocumentException {
		Paragraph line = fonts.paragraph();
		line.setSpacingAfter(3);
		line.add(new Phrase(label, fonts.bold(11)));
		line.add(new Phrase(value, fonts.regular(11)));
		document.add(line);
	}

	private static void header(PdfPTable table, Fonts fonts, String... labels) {
		for (String label : labels) {
			PdfPCell cell = new PdfPCell(new Phrase(label, fonts.bold(10)));
			cell.setBackgroundColor(new Color(0xDD, 0xEB, 0xF7));
			cell.setPadding(5);
			table.addCell(cell);
		}
	}

	private static void figure(PdfPTable table, Fonts fonts, String label, long count, String share) {
		table.addCell(padded(new PdfPCell(new Phrase(label, fonts.regular(10))), Element.ALIGN_LEFT));
		table.addCell(padded(new PdfPCell(new Phrase(String.valueOf(count), fonts.regular(10))), Element.ALIGN_RIGHT));
		table.addCell(padded(new PdfPCell(new Phrase(share, fonts.regular(10))), Element.ALIGN_RIGHT));
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
				throw new IllegalStateException("Font " + FONTS + name + " is missing (jasperreports-fonts)");
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

	private record Fonts(BaseFont regularFont, BaseFont boldFont) {

		Font regular(float size) {
			return new Font(this.regularFont, size);
		}

		Font regular(float size, Color color) {
			return new Font(this.regularFont, size, Font.NORMAL, color);
		}

		Paragraph paragraph() {
			Paragraph paragraph = new Paragraph();
			paragraph.setFont(regular(11));
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
