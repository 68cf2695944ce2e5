package io.genesysbridge.console.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver. Both paths are given
 * explicitly, so Selenium Manager never looks for (or downloads) a browser or driver.
 */
final class Browser implements AutoCloseable {

	static final String CHROMIUM = "/usr/bin/chromium";

	static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private final ChromeDriver driver;

	private final Path profile;

	private final String baseUrl;

	private final Path screenshots;

	private Browser(ChromeDriver driver, Path profile, String baseUrl, Path screenshots) {
		this.driver = driver;
		this.profile = profile;
		this.baseUrl = baseUrl;
		this.screenshots = screenshots;
	}

	static Browser open(String baseUrl) throws IOException {
		Path profile = Files.createTempDirectory("console-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + profile, "--window-size=1400,1000", "--lang=en-US");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.build();
		Path screenshots = Path.of(System.getProperty("console.screenshots", "target/screenshots"));
		Files.createDirectories(screenshots);
		return new Browser(new ChromeDriver(service, options), profile, baseUrl, screenshots);
	}

	WebDriver driver() {
		return this.driver;
	}

	void go(String path) {
		this.driver.get(this.baseUrl + path);
	}

	String url() {
		return this.driver.getCurrentUrl();
	}

	WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	boolean has(String css) {
		return !this.driver.findElements(By.cssSelector(css)).isEmpty();
	}

	String text(String css) {
		return find(css).getText();
	}

	Object script(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	WebDriverWait waiting(Duration timeout) {
		WebDriverWait wait = new WebDriverWait(this.driver, timeout);
		wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
		return wait;
	}

	void signIn(String username, String password) {
		go("/login");
		find("#username").sendKeys(username);
		find("#password").sendKeys(password);
		find("#sign-in").click();
		waiting(Duration.ofSeconds(10)).until((d) -> !d.getCurrentUrl().contains("/login"));
	}

	void signOut() {
		if (has("header form button.link")) {
			find("header form button.link").click();
			waiting(Duration.ofSeconds(10)).until((d) -> d.getCurrentUrl().contains("/login"));
		}
	}

	/**
	 * Saves a screenshot of the whole page.
	 * @param name file name without extension
	 */
	void screenshot(String name) {
		Number height = (Number) script("return Math.max(document.body.scrollHeight, 700)");
		this.driver.manage()
			.window()
			.setSize(new org.openqa.selenium.Dimension(1400, Math.min(1300, height.intValue() + 40)));
		byte[] png = this.driver.getScreenshotAs(OutputType.BYTES);
		this.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 1000));
		try {
			Files.write(this.screenshots.resolve(name + ".png"), png);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.driver.quit();
		try (var files = Files.walk(this.profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

}
