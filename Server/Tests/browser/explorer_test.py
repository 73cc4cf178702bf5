#!/usr/bin/env python3
"""The explorer in a real browser: headless Chromium driven by Selenium through Debian's chromedriver.

    explorer_test.py SERVER_BINARY [SCREENSHOT.png]

Starts corridor-server on a free loopback port with the repository's networks, loads /explorer, checks
the first answer (the third crossing's saving, the maps), drags the Dostyk–Alashankou slider and checks
that the numbers and the map change, picks another scenario, and checks that the browser logged no
error. With SCREENSHOT it saves the page as it ends. Exit 0 when every check holds, 1 otherwise.
"""
import json
import os
import re
import subprocess
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


def start_server(binary):
    server = subprocess.Popen(
        [binary, "--port", "0", "--networks", os.path.join(ROOT, "networks")],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = server.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not match:
        server.kill()
        raise SystemExit(f"the server did not say where it listens: {line!r}")
    return server, f"http://127.0.0.1:{match.group(1)}"


def browser():
    options = webdriver.ChromeOptions()
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1500,1400",
                     "--disable-dev-shm-usage"]:
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def answers(driver):
    return int(driver.find_element(By.ID, "status").get_attribute("data-answers"))


def wait_for_answer(driver, after):
    """Waits for the page to draw an answer beyond `after`; returns the page's own solve time in ms."""
    WebDriverWait(driver, 30).until(lambda d: answers(d) > after)
    status = driver.find_element(By.ID, "status").text
    match = re.search(r"Solved in (\d+) ms", status)
    if not match:
        raise AssertionError(f"status after an answer: {status!r}")
    return int(match.group(1))


def figure(driver, name):
    return float(driver.find_element(By.ID, name).get_attribute("data-value"))


def maps(driver):
    return [svg.get_attribute("outerHTML") for svg in driver.find_elements(By.CSS_SELECTOR, "#result svg.map")]


def main():
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__)
    server, base = start_server(sys.argv[1])
    driver = browser()
    failures = []

    def check(condition, message):
        print(("ok: " if condition else "FAILED: ") + message)
        if not condition:
            failures.append(message)

    try:
        driver.get(base + "/explorer")
        first_ms = wait_for_answer(driver, 0)
        scenario = Select(driver.find_element(By.ID, "scenario")).first_selected_option.get_attribute("value")
        check(scenario == "third-crossing", f"the page opens on the third crossing ({scenario})")
        saving = figure(driver, "saving")
        check(abs(saving - 12604.272) < 0.01, f"the third crossing saves 12,604 USD/day against the baseline ({saving})")
        before_maps = maps(driver)
        check(len(before_maps) == 2, f"two maps, baseline and scenario ({len(before_maps)})")
        sliders = driver.find_elements(By.CSS_SELECTOR, "input[data-crossing='dostyk'][data-measure='TEU']")
        check(len(sliders) == 1, "a slider for Dostyk–Alashankou's TEU limit")
        slider = sliders[0]
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", slider)
        start_value = float(slider.get_attribute("value"))
        count = answers(driver)
        # Drag the thumb from the middle of the track (the limit's value: the track runs 0 to twice it)
        # to a fifth of the way along.
        width = slider.size["width"]
        ActionChains(driver).move_to_element(slider).click_and_hold().move_by_offset(-int(width * 0.3), 0).release().perform()
        moved_value = float(slider.get_attribute("value"))
        check(moved_value < start_value * 0.6, f"the slider moved from {start_value:.0f} to {moved_value:.0f} TEU/day")
        moved_ms = wait_for_answer(driver, count)
        new_saving = figure(driver, "saving")
        check(new_saving != saving, f"the saving changed with the limit ({saving:.0f} → {new_saving:.0f} USD/day)")
        after_maps = maps(driver)
        check(after_maps[1] != before_maps[1], "the scenario's map changed")
        check(after_maps[0] == before_maps[0], "the baseline's map did not")
        check(moved_ms < 1000, f"the answer came in {moved_ms} ms (first load {first_ms} ms)")

        count = answers(driver)
        Select(driver.find_element(By.ID, "scenario")).select_by_value("dostyk-outage")
        wait_for_answer(driver, count)
        outage = figure(driver, "saving")
        check(outage < 0, f"closing Dostyk costs money against the baseline ({outage:.0f} USD/day)")
        errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        check(not errors, f"no error in the browser's console ({errors[:2]})")
        if len(sys.argv) == 3:
            count = answers(driver)
            Select(driver.find_element(By.ID, "scenario")).select_by_value("third-crossing")
            wait_for_answer(driver, count)
            driver.execute_script("window.scrollTo(0, 0);")
            time.sleep(0.3)
            driver.save_screenshot(sys.argv[2])
            print(f"wrote {sys.argv[2]}")
    finally:
        driver.quit()
        server.terminate()
        server.wait(timeout=10)
    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
