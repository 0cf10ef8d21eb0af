package vn.ydan.api.consultations;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import vn.ydan.api.csv.CsvText;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The result exports over HTTP GET, read back with independent readers: the CSV with the
 * project's RFC 4180 reader, the XLSX with Apache POI, the PDF minutes' text with Apache
 * PDFBox. A consultation of Phúc Xá and Trúc Bạch (two groups of 10 households each),
 * first open (officials only), then counted, certified and published (everyone).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResultExportsIntegrationTest extends LiveResultsTest {

	private static final List<String> HEADERS = List.of("Tỉnh/Thành phố", "Quận/Huyện", "Mã xã", "Xã/Phường/Thị trấn",
			"Số hộ", "Số hộ tham gia", "Trả lời trực tuyến", "Phiếu giấy thu về", "Đồng ý", "Không đồng ý",
			"Phiếu không hợp lệ", "Tỷ lệ tham gia (%)", "Tỷ lệ đồng ý (%)", "Tỷ lệ không đồng ý (%)", "Kết quả",
			"Đã xác nhận", "Tên gọi (số hộ chọn)", "Trụ sở (số hộ chọn)", "Đồng ý sắp xếp cấp tỉnh",
			"Không đồng ý sắp xếp cấp tỉnh", "Tên gọi cấp tỉnh (số hộ chọn)", "Người xác nhận", "Thời điểm xác nhận");

	private static ConsultationFixture consultation;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeEach
	void consultation() {
		if (consultation == null) {
			consultation = new ConsultationFixture(this.api, "90021", "Ba Đình Xanh", 10, "00001", "00004");
			for (int household = 1; household <= 7; household++) {
				consultation.answer(ConsultationFixture.household("00001", 1, household), household <= 6);
			}
		}
	}

	@Test
	@Order(1)
	void unpublishedResultsAreForOfficialsInScopeOthersGet401Or403AndUnknownOnes404() {
		String csv = "/exports/consultations/" + consultation.consultationId + "/results.csv";

		Download anonymous = get(csv, null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(get(csv, ConsultationFixture.resident(ConsultationFixture.household("00001", 1, 9))).status())
			.isEqualTo(403);
		assertThat(get(csv, ConsultationFixture.scoped("canbo-hk", "official", "002")).status()).isEqualTo(403);
		assertThat(get("/exports/consultations/no-such-one/results.csv", ConsultationFixture.admin()).status())
			.isEqualTo(404);
		assertThat(get(csv, "not-a-token").status()).isEqualTo(401);
		assertThat(get(csv, ConsultationFixture.clerk()).status()).isEqualTo(200);
		assertThat(get(minutes(consultation.unitId("00006", "COMMUNE")), ConsultationFixture.official()).status())
			.as("a commune the consultation did not ask")
			.isEqualTo(404);
		assertThat(get(minutes("not-a-global-id"), ConsultationFixture.official()).status()).isEqualTo(404);
	}

	@Test
	@Order(1)
	void beforePublicationAClerkOfOneWardExportsOnlyHisCommune() throws IOException {
		String clerk = ConsultationFixture.scoped("thuky-phucxa", "clerk", "00001");

		Download csv = get("/exports/consultations/" + consultation.consultationId + "/results.csv", clerk);

		assertThat(csv.status()).as(csv.text()).isEqualTo(200);
		List<CsvText.Record> records = CsvText.parse(CsvText.decode(csv.body()));
		assertThat(records).as(csv.text()).hasSize(2);
		assertThat(csv.text()).contains("00001").doesNotContain("00004");
		assertThat(get(minutes(consultation.unitId("00001", "COMMUNE")), clerk).status()).isEqualTo(200);
		assertThat(get(minutes(consultation.unitId("00004", "COMMUNE")), clerk).status())
			.as("the minutes of a commune outside his scope")
			.isEqualTo(403);
	}

	@Test
	@Order(2)
	void theCsvIsUtf8WithABomVietnameseHeadersAndOneRowPerCommune() {
		Download csv = get("/exports/consultations/" + consultation.consultationId + "/results.csv",
				ConsultationFixture.official());

		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
		assertThat(csv.header("Content-Disposition")).contains("attachment").contains(".csv");
		assertThat(csv.body()).startsWith(0xEF, 0xBB, 0xBF);
		List<CsvText.Record> records = CsvText.parse(CsvText.decode(csv.body()));
		assertThat(records).hasSize(3);
		assertThat(records.get(0).fields()).containsExactlyElementsOf(HEADERS);
		assertThat(records.get(1).fields()).containsExactly("Thành phố Hà Nội", "Quận Ba Đình", "00001",
				"Phường Phúc Xá", "20", "7", "7", "0", "6", "1", "0", "35.00", "30.00", "5.00", "Chưa có kết quả",
				"Chưa", "", "", "", "", "", "", "");
		assertThat(records.get(2).fields().subList(2, 6)).containsExactly("00004", "Phường Trúc Bạch", "20", "0");
	}

	@Test
	@Order(3)
	void theDraftMinutesSayTheResultsAreNotCertifiedYet() throws IOException {
		Download pdf = get(minutes(consultation.unitId("00001", "COMMUNE")), ConsultationFixture.official());

		assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
		String text = text(pdf.body());
		assertThat(text).contains("BẢN NHÁP: kết quả của đơn vị chưa được xác nhận")
			.contains("CHƯA CÓ KẾT QUẢ")
			.contains("Xác nhận kết quả: chưa xác nhận.");
	}

	@Test
	@Order(4)
	void publishedResultsAreExportedToEveryoneAsXlsxReadBackWithPoi() throws IOException {
		countCertifyAndPublish();

		Download xlsx = get("/exports/consultations/" + consultation.consultationId + "/results.xlsx", null);

		assertThat(xlsx.status()).as(xlsx.text()).isEqualTo(200);
		assertThat(xlsx.header("Content-Type"))
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			Sheet results = workbook.getSheet("Kết quả");
			assertThat(results).isNotNull();
			assertThat(cells(results.getRow(0))).containsExactlyElementsOf(HEADERS);
			Row phucXa = results.getRow(1);
			assertThat(phucXa.getCell(3).getStringCellValue()).isEqualTo("Phường Phúc Xá");
			assertThat(phucXa.getCell(1).getStringCellValue()).isEqualTo("Quận Ba Đình");
			assertThat(phucXa.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(numbers(phucXa, 4, 14)).containsExactly(20.0, 19.0, 7.0, 12.0, 14.0, 4.0, 1.0, 95.0, 70.0, 20.0);
			assertThat(phucXa.getCell(12).getCellStyle().getDataFormatString()).isEqualTo("0.00");
			assertThat(phucXa.getCell(14).getStringCellValue()).isEqualTo("Đạt");
			assertThat(phucXa.getCell(15).getStringCellValue()).isEqualTo("Có");
			assertThat(phucXa.getCell(21).getStringCellValue()).as("who certified").isEqualTo("quantri");
			Row trucBach = results.getRow(2);
			assertThat(trucBach.getCell(3).getStringCellValue()).isEqualTo("Phường Trúc Bạch");
			assertThat(numbers(trucBach, 8, 11)).containsExactly(6.0, 10.0, 2.0);
			assertThat(trucBach.getCell(14).getStringCellValue()).isEqualTo("Không đạt");
			Row total = results.getRow(3);
			assertThat(total.getCell(0).getStringCellValue()).isEqualTo("Tổng cộng");
			assertThat(numbers(total, 4, 11)).containsExactly(40.0, 37.0, 7.0, 30.0, 20.0, 14.0, 3.0);
			Sheet about = workbook.getSheet("Đợt lấy ý kiến");
			assertThat(about.getRow(0).getCell(1).getStringCellValue()).startsWith("Lấy ý kiến cử tri về Ba Đình Xanh");
			assertThat(about.getRow(5).getCell(1).getStringCellValue()).isEqualTo("đã công bố kết quả");
		}
	}

	@Test
	@Order(5)
	void theMinutesOfACommuneArePdfWithEmbeddedFontsAndTheirVietnameseTextComesBackExactly() throws IOException {
		Download pdf = get(minutes(consultation.unitId("00001", "COMMUNE")), null);

		assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
		assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
		assertThat(pdf.header("Content-Disposition")).contains("bien-ban-tong-hop-00001.pdf");
		// Kept for a look (pdftoppm -png target/bien-ban-tong-hop-00001.pdf).
		java.nio.file.Files.write(java.nio.file.Path.of("target/bien-ban-tong-hop-00001.pdf"), pdf.body());
		String text = text(pdf.body());
		assertThat(text).contains("BIÊN BẢN TỔNG HỢP KẾT QUẢ LẤY Ý KIẾN CỬ TRI")
			.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
			.contains("Độc lập - Tự do - Hạnh phúc")
			.contains("PHƯỜNG PHÚC XÁ")
			.contains("Đơn vị lấy ý kiến: Phường Phúc Xá, Quận Ba Đình, Thành phố Hà Nội (mã 00001)")
			.contains("Thành lập phường Ba Đình Xanh")
			.contains("Lấy ý kiến cử tri về Ba Đình Xanh")
			.contains("sắp xếp Phường Phúc Xá vào")
			.contains("Tổng số hộ gia đình 20 100%")
			.contains("Số hộ tham gia ý kiến 19 95%")
			.contains("Đồng ý 14 70%")
			.contains("Không đồng ý 4 20%")
			.contains("Phiếu không hợp lệ 1 5%")
			.contains("Điều kiện thông qua: số hộ đồng ý trên 50% tổng số hộ của đơn vị.")
			.contains("Kết quả: ĐẠT")
			.contains("Xác nhận kết quả: đã xác nhận bởi quantri lúc")
			.contains("(Ký, ghi rõ họ tên, đóng dấu)")
			.doesNotContain("BẢN NHÁP");
		try (PDDocument document = Loader.loadPDF(pdf.body())) {
			PDPage page = document.getPage(0);
			List<String> fonts = new ArrayList<>();
			for (var name : page.getResources().getFontNames()) {
				PDFont font = page.getResources().getFont(name);
				assertThat(font.isEmbedded()).as(font.getName()).isTrue();
				fonts.add(font.getName());
			}
			// Decree 30/2020: Times New Roman, here its metric twin Liberation Serif.
			assertThat(fonts).anyMatch((font) -> font.endsWith("LiberationSerif"))
				.anyMatch((font) -> font.endsWith("LiberationSerif-Bold"))
				.anyMatch((font) -> font.endsWith("LiberationSerif-Italic"));
		}
		// Decree 30's heading: the number left for the register, the place and date.
		assertThat(text).contains("Số: /BB-UBND")
			.containsPattern("Phúc Xá, ngày \\d{2} tháng \\d{1,2} năm \\d{4}")
			.contains("Kết quả theo tổ dân phố, thôn")
			.contains("Tổ dân phố 1 10 10 8 1 1 Đã xác minh")
			.contains("Tổ dân phố 2 10 9 6 3 0 Đã xác minh");
		String failed = text(get(minutes(consultation.unitId("00004", "COMMUNE")), null).body());
		assertThat(failed).contains("Phường Trúc Bạch").contains("Kết quả: KHÔNG ĐẠT");
	}

	@Test
	@Order(6)
	void aDistrictAndAProvinceHaveSummaryMinutesRollingUpTheirCommunes() throws IOException {
		Download district = get(unitMinutes(consultation.unitId("001", "DISTRICT")), null);
		Download province = get(unitMinutes(consultation.unitId("01", "PROVINCE")), null);

		assertThat(district.status()).as(district.text()).isEqualTo(200);
		assertThat(district.header("Content-Disposition")).contains("bien-ban-tong-hop-001.pdf");
		String text = text(district.body());
		assertThat(text).contains("ỦY BAN NHÂN DÂN QUẬN BA ĐÌNH")
			.containsPattern("Ba Đình, ngày \\d{2} tháng \\d{1,2} năm \\d{4}")
			.contains("Số đơn vị cấp xã được lấy ý kiến: 2 (đạt: 1; không đạt: 1; chưa có kết quả: 0)")
			.contains("Tổng số hộ gia đình 40 100%")
			.contains("Kết quả theo đơn vị cấp xã")
			.contains("Phường Phúc Xá 20 19 14 4 1 Đạt, đã xác nhận")
			.contains("Phường Trúc Bạch 20 18 6 10 2 Không đạt, đã xác nhận")
			.contains("Xác nhận kết quả: đã xác nhận bởi quantri lúc")
			.contains("TM. ỦY BAN NHÂN DÂN QUẬN BA ĐÌNH");
		assertThat(text(province.body())).contains("THÀNH PHỐ HÀ NỘI")
			.containsPattern("Hà Nội, ngày \\d{2} tháng")
			.contains("Tổng số hộ gia đình 40 100%");
		assertThat(get(unitMinutes(consultation.unitId("002", "DISTRICT")), null).status())
			.as("a district none of whose communes was asked")
			.isEqualTo(404);
	}

	private String unitMinutes(String unitGlobalId) {
		return "/exports/consultations/" + consultation.consultationId + "/units/" + unitGlobalId + "/minutes.pdf";
	}

	private void countCertifyAndPublish() {
		consultation.close();
		consultation.tally("00001", 1, 3, 3, 1, 2, 0);
		consultation.tally("00001", 2, 10, 9, 0, 6, 3);
		consultation.tally("00004", 1, 10, 10, 0, 4, 6);
		consultation.tally("00004", 2, 10, 8, 2, 2, 4);
		consultation.certifyAndPublish();
	}

	private String minutes(String unitGlobalId) {
		return "/exports/consultations/" + consultation.consultationId + "/communes/" + unitGlobalId + "/minutes.pdf";
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			// Lines joined: the assertions read the text as a person reads the page.
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

	private static List<String> cells(Row row) {
		List<String> cells = new ArrayList<>();
		for (Cell cell : row) {
			cells.add(cell.getStringCellValue());
		}
		return cells;
	}

	private static List<Double> numbers(Row row, int from, int to) {
		List<Double> numbers = new ArrayList<>();
		for (int column = from; column < to; column++) {
			numbers.add(row.getCell(column).getNumericCellValue());
		}
		return numbers;
	}

	private Download get(String path, @Nullable String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<byte[]> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Download(response.statusCode(), response.body(), response);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Download(int status, byte[] body, HttpResponse<byte[]> response) {

		String header(String name) {
			return this.response.headers().firstValue(name).orElse("");
		}

		String text() {
			return this.status + " " + new String(this.body, StandardCharsets.UTF_8);
		}

	}

}
