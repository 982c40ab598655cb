"""End to end in a real browser: headless Chromium (Debian's `chromium` and
`chromium-driver`) driven by Selenium against `astana-qa serve` on a free loopback port.

Selenium is given the browser and driver paths, so it never tries to download either.
Outside CI the tests are skipped when Chromium is not installed; in CI they must run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
ARTIFACTS = ROOT / "tests" / "artifacts"
HAVE_BROWSER = Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()

if not HAVE_BROWSER and not os.environ.get("CI"):
    pytest.skip("Chromium and chromium-driver are not installed", allow_module_level=True)

os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager reach out

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

from tests.web.test_web import shown_after_the_answer  # noqa: E402

QUESTION = "Who represented Turkey?"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`astana-qa serve` on a free port; yields its base URL."""
    script = Path(sys.executable).with_name("astana-qa")
    index = tmp_path_factory.mktemp("browser") / "index"
    process = subprocess.Popen(
        [str(script), "serve", "--port", "0", "--corpus", str(SEEDS), "--index", str(index)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    url = None
    deadline = time.monotonic() + 60
    while url is None and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        if "serving on " in line:
            url = line.split("serving on ")[1].split()[0].rstrip("/")
    if url is None:
        process.kill()
        pytest.fail(f"astana-qa serve did not start: {process.stdout.read()}")
    # Keep reading the server's log, or it blocks once the pipe is full.
    threading.Thread(target=process.stdout.read, daemon=True).start()
    yield url
    process.terminate()
    process.wait(timeout=10)


def make_browser(tmp_path: Path, javascript: bool) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-quic", "--window-size=1280,900",
        f"--user-data-dir={tmp_path / 'profile'}",
    ):  # fmt: skip
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2}
        )
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def console_errors(driver) -> list[str]:
    """The browser console's errors since the last call (CSP violations, script errors,
    failed loads), leaving out the HTTP status of error pages a test asked for."""
    return [
        entry["message"]
        for entry in driver.get_log("browser")
        if entry["level"] == "SEVERE" and "the server responded with a status of 4" not in
        entry["message"]
    ]  # fmt: skip


@pytest.fixture
def browser_js(tmp_path):
    driver = make_browser(tmp_path, javascript=True)
    yield driver
    errors = console_errors(driver)
    driver.quit()
    assert not errors, errors


def screenshot(driver, name: str) -> Path:
    """Save what the browser shows as tests/artifacts/NAME.png (gitignored) for a person
    to look at; the whole page's height, so nothing below the fold is missed."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    height = driver.execute_script("return document.documentElement.scrollHeight;")
    width = driver.execute_script("return window.innerWidth;")
    metrics = {"width": width, "height": min(height, 4000), "deviceScaleFactor": 1,
               "mobile": width < 500}  # fmt: skip
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    driver.save_screenshot(str(path))
    if metrics["mobile"]:
        set_phone(driver, width)
    else:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    return path


@pytest.fixture
def browser_no_js(tmp_path):
    driver = make_browser(tmp_path, javascript=False)
    yield driver
    driver.quit()


def ask(driver, question: str, k: str = "3") -> None:
    """Type `question` into the page's form, choose `k` results, and submit."""
    box = driver.find_element(By.ID, "q")
    box.clear()
    box.send_keys(question)
    Select(driver.find_element(By.ID, "k")).select_by_value(k)
    driver.find_element(By.CSS_SELECTOR, "#ask button[type=submit]").click()


def follow_first_citation_to_the_source(driver, seed_texts) -> None:
    link = driver.find_element(By.CSS_SELECTOR, ".answer .source-link")
    href = urlsplit(link.get_attribute("href"))
    source = unquote(href.path.rsplit("/", 1)[1])
    place = parse_qs(href.query)
    start, end = int(place["start"][0]), int(place["end"][0])
    link.click()
    cited = WebDriverWait(driver, 10).until(ec.presence_of_element_located((By.ID, "cited")))
    assert cited.tag_name == "mark"
    assert cited.text.strip() == seed_texts[source][start:end].strip()
    assert "/sources/" + source in driver.current_url


def test_question_answered_with_javascript(server, browser_js, seed_texts, seed_engine):
    driver = browser_js
    driver.get(server + "/")
    driver.execute_script("window.notReloaded = true;")
    ask(driver, QUESTION)
    wait = WebDriverWait(driver, 10)
    wait.until(ec.text_to_be_present_in_element((By.ID, "status"), "Answer found"))
    assert driver.execute_script("return window.notReloaded === true;"), "page was reloaded"
    assert "q=Who+represented+Turkey" in driver.current_url  # shareable URL
    answer = driver.find_element(By.ID, "answer")
    assert "Yıldız" in answer.text
    assert answer.find_elements(By.TAG_NAME, "mark")
    others = shown_after_the_answer(seed_engine, QUESTION, 3)
    assert len(driver.find_elements(By.CSS_SELECTOR, ".citation")) == others
    screenshot(driver, "answer")
    if os.environ.get("ASTANA_QA_SCREENSHOT"):
        # The README's picture: ASTANA_QA_SCREENSHOT=docs/screenshot.png pytest -k javascript
        driver.save_screenshot(str(ROOT / os.environ["ASTANA_QA_SCREENSHOT"]))
    follow_first_citation_to_the_source(driver, seed_texts)
    in_view = driver.execute_script(
        "const r = document.getElementById('cited').getBoundingClientRect();"
        "return r.top >= 0 && r.top < window.innerHeight;"
    )
    assert in_view, "the cited sentence is not scrolled into view"


def test_question_answered_without_javascript(server, browser_no_js, seed_texts):
    driver = browser_no_js
    driver.get(server + "/")
    ask(driver, QUESTION)
    answer = WebDriverWait(driver, 10).until(ec.presence_of_element_located((By.ID, "answer")))
    assert "Yıldız" in answer.text
    assert driver.find_element(By.ID, "status").text == ""  # app.js did not run
    assert "q=Who+represented+Turkey" in driver.current_url
    follow_first_citation_to_the_source(driver, seed_texts)


def test_abstention_is_plain_in_the_browser(server, browser_js):
    browser_js.get(server + "/")
    ask(browser_js, "When will the 25th round of the Astana talks be held?")
    WebDriverWait(browser_js, 10).until(
        ec.text_to_be_present_in_element((By.ID, "results"), "do not answer")
    )
    assert "Closest passages, not answers" in browser_js.find_element(By.ID, "results").text
    ask(browser_js, "What did Erdogan say?")
    WebDriverWait(browser_js, 10).until(
        ec.text_to_be_present_in_element((By.ID, "results"), "“Erdogan” is not mentioned")
    )
    screenshot(browser_js, "refusal")


def wait_for_answer_to(driver, question: str) -> None:
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script(
            "const r = document.querySelector('#results .result');return r ? r.dataset.title : '';"
        ).startswith(question)
    )


def test_back_and_forward_restore_question_and_answer(server, browser_js):
    driver = browser_js
    first, second = QUESTION, "When will the 23rd round be held?"
    driver.get(server + "/")
    driver.execute_script("window.notReloaded = true;")
    ask(driver, first)
    wait_for_answer_to(driver, first)
    first_answer = driver.find_element(By.ID, "answer").text
    ask(driver, second)
    wait_for_answer_to(driver, second)
    second_answer = driver.find_element(By.ID, "answer").text
    assert first_answer != second_answer

    driver.back()
    wait_for_answer_to(driver, first)
    assert driver.find_element(By.ID, "q").get_attribute("value") == first
    assert driver.find_element(By.ID, "answer").text == first_answer
    assert "q=Who+represented+Turkey" in driver.current_url
    assert driver.title.startswith(first)

    driver.back()  # the empty page the questions were asked from
    WebDriverWait(driver, 10).until(lambda d: not d.find_elements(By.ID, "answer"))
    assert driver.find_element(By.ID, "q").get_attribute("value") == ""
    assert driver.find_element(By.ID, "examples").get_attribute("open") is not None

    driver.forward()
    wait_for_answer_to(driver, first)
    driver.forward()
    wait_for_answer_to(driver, second)
    assert driver.find_element(By.ID, "q").get_attribute("value") == second
    assert driver.find_element(By.ID, "answer").text == second_answer
    assert driver.execute_script("return window.notReloaded === true;"), "page was reloaded"
    screenshot(driver, "after-back-and-forward")


def test_examples_collapse_once_a_question_is_asked(server, browser_js):
    driver = browser_js
    driver.get(server + "/")
    example_link = driver.find_element(By.CSS_SELECTOR, "#examples li a")
    assert example_link.is_displayed()
    screenshot(driver, "home")
    ask(driver, QUESTION)
    wait_for_answer_to(driver, QUESTION)
    assert not example_link.is_displayed()
    answer = driver.find_element(By.ID, "answer").rect
    examples = driver.find_element(By.ID, "examples").rect
    assert answer["y"] < examples["y"], "the answer comes before the examples"
    # Following an example link (no script involved) also shows them collapsed.
    driver.get(server + "/")
    driver.find_element(By.CSS_SELECTOR, "#examples li a").click()
    WebDriverWait(driver, 10).until(ec.presence_of_element_located((By.ID, "answer")))
    assert not driver.find_element(By.CSS_SELECTOR, "#examples li a").is_displayed()
    driver.find_element(By.CSS_SELECTOR, "#examples summary").click()
    assert driver.find_element(By.CSS_SELECTOR, "#examples li a").is_displayed()


def test_404_page_leads_back_to_the_articles(server, browser_js):
    driver = browser_js
    driver.get(server + "/no-such-page")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Page not found"
    assert driver.find_element(By.CSS_SELECTOR, ".error-message").text[0].isupper()
    screenshot(driver, "404")
    driver.find_element(By.LINK_TEXT, "Browse the articles").click()
    WebDriverWait(driver, 10).until(ec.title_contains("Articles"))
    rows = driver.find_elements(By.CSS_SELECTOR, "table.sources tbody tr")
    assert len(rows) == 5
    screenshot(driver, "sources")
    driver.get(server + "/sources/not-an-article.txt")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Page not found"
    driver.find_element(By.LINK_TEXT, "Ask a question").click()
    WebDriverWait(driver, 10).until(ec.presence_of_element_located((By.ID, "q")))


def test_source_view_highlights_only_a_whole_indexed_sentence(server, browser_js, seed_texts):
    driver = browser_js
    name = "003_f952f983f8cfb660.txt"
    text = seed_texts[name]
    driver.get(f"{server}/sources/{name}?start=1370&end=1814#cited")
    cited = driver.find_element(By.ID, "cited")
    assert cited.text == text[1370:1814]
    assert driver.execute_script(
        "const r = document.getElementById('cited').getBoundingClientRect();"
        "return r.top >= 0 && r.bottom <= window.innerHeight;"
    )
    assert (
        driver.find_elements(By.CSS_SELECTOR, "h1")[0].text
        == "Russia prepares for “Astana 22” on Syria"
    )
    assert len(driver.find_elements(By.TAG_NAME, "h1")) == 1
    furniture = driver.find_elements(By.CSS_SELECTOR, ".furniture")
    assert any("2:23 pm" in f.text for f in furniture)
    opacity = float(furniture[0].value_of_css_property("opacity"))
    assert opacity < 1, "page furniture is dimmed"
    screenshot(driver, "source")
    for place in ("start=4953&end=5000", "start=1371&end=1814", "start=0&end=99999", "start=a"):
        driver.get(f"{server}/sources/{name}?{place}")
        assert not driver.find_elements(By.TAG_NAME, "mark"), place
        assert "nothing is highlighted" in driver.find_element(By.CSS_SELECTOR, ".note").text
    screenshot(driver, "source-bad-offsets")


def set_phone(driver, width: int = 390, height: int = 844) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True},
    )


def no_horizontal_scroll(driver) -> bool:
    return driver.execute_script(
        "const e = document.documentElement; return e.scrollWidth <= e.clientWidth;"
    )


def test_phone_width_keeps_labels_with_controls_and_never_scrolls_sideways(
    server, browser_js, seed_engine
):
    driver = browser_js
    set_phone(driver)
    driver.get(server + "/")
    assert driver.execute_script("return window.innerWidth;") <= 400
    label = driver.find_element(By.CSS_SELECTOR, "label[for=k]").rect
    select = driver.find_element(By.ID, "k").rect
    assert abs((label["y"] + label["height"] / 2) - (select["y"] + select["height"] / 2)) < 8
    assert select["x"] > label["x"], "the select sits right of its label"
    assert no_horizontal_scroll(driver)
    ask(driver, QUESTION, k="10")
    wait_for_answer_to(driver, QUESTION)
    assert no_horizontal_scroll(driver)
    screenshot(driver, "phone-answer")
    for path in ["/sources", "/sources/002_1509bae49899ba64.txt?start=0&end=69", "/nothing"]:
        driver.get(server + path)
        assert no_horizontal_scroll(driver), path
    driver.get(server + "/sources")
    screenshot(driver, "phone-sources")


def test_every_control_is_reachable_by_keyboard_with_visible_focus(server, browser_js):
    driver = browser_js
    driver.get(server + "/?q=" + QUESTION.replace(" ", "+"))
    reached: list[str] = []
    for _ in range(60):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        focused = driver.switch_to.active_element
        if focused.tag_name == "body":  # past the last control
            break
        key = focused.get_attribute("id") or focused.text or focused.tag_name
        reached.append(key)
        style = driver.execute_script(
            "const s = getComputedStyle(document.activeElement);"
            "return [s.outlineStyle, s.outlineWidth];",
        )
        assert style[0] != "none" and style[1] != "0px", (key, style)
        if key == "q":
            screenshot(driver, "keyboard-focus")
    for wanted in ("q", "k", "Ask", "Example questions"):
        assert wanted in reached, (wanted, reached)
    assert "Articles" in reached and "Skip to content" in reached


def test_no_console_errors_on_any_page(server, browser_js):
    driver = browser_js
    for path in ["/", "/sources", "/sources/000_fa7c293993dbe315.txt?start=303&end=645"]:
        driver.get(server + path)
        assert console_errors(driver) == [], path
    driver.get(server + "/")
    ask(driver, QUESTION)
    wait_for_answer_to(driver, QUESTION)
    ask(driver, "?!?")
    WebDriverWait(driver, 10).until(
        ec.text_to_be_present_in_element((By.ID, "results"), "The question has no words")
    )
    assert console_errors(driver) == []
