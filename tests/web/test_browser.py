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
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

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
    if not javascript:
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2}
        )
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


@pytest.fixture
def browser_js(tmp_path):
    driver = make_browser(tmp_path, javascript=True)
    yield driver
    driver.quit()


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


def test_question_answered_with_javascript(server, browser_js, seed_texts):
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
    assert len(driver.find_elements(By.CSS_SELECTOR, ".citation")) == 2  # and the answer's
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "answer.png"))
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
