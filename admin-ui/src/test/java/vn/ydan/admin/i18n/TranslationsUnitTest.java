package vn.ydan.admin.i18n;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TranslationsUnitTest {

	private final Translations translations = new Translations();

	@Test
	void everyTextExistsInBothLanguages() throws IOException {
		Properties vietnamese = load("translations.properties");
		Properties english = load("translations_en.properties");

		assertThat(english.stringPropertyNames()).isEqualTo(vietnamese.stringPropertyNames());
	}

	@Test
	void vietnameseIsTheDefaultWhateverTheServerOrBrowserPrefers() {
		Locale jvmDefault = Locale.getDefault();
		try {
			Locale.setDefault(Locale.ENGLISH);
			assertThat(this.translations.getTranslation("nav.home", Translations.VIETNAMESE)).isEqualTo("Trang chủ");
			assertThat(this.translations.getTranslation("nav.home", Locale.FRENCH)).isEqualTo("Trang chủ");
			assertThat(this.translations.getTranslation("nav.home", Locale.US)).isEqualTo("Home");
		}
		finally {
			Locale.setDefault(jvmDefault);
		}
	}

	@Test
	void namesKeepTheirDiacriticsAndRolesHaveVietnameseNames() {
		assertThat(this.translations.getTranslation("home.greeting", Translations.VIETNAMESE, "Trần Thị Bình"))
			.isEqualTo("Xin chào, Trần Thị Bình!");
		assertThat(this.translations.getTranslation("role.admin", Translations.VIETNAMESE)).isEqualTo("Quản trị viên");
		assertThat(this.translations.getTranslation("role.official", Translations.VIETNAMESE)).isEqualTo("Cán bộ");
		assertThat(this.translations.getTranslation("role.clerk", Translations.VIETNAMESE))
			.isEqualTo("Thư ký tổ công tác");
		assertThat(this.translations.getTranslation("role.resident", Translations.VIETNAMESE)).isEqualTo("Cư dân");
		assertThat(this.translations.getTranslation("role.partner", Translations.VIETNAMESE)).isEqualTo("Đối tác");
	}

	private static Properties load(String file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(
				TranslationsUnitTest.class.getResourceAsStream("/vaadin-i18n/" + file), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
