"""A scripted review of a selaras review page in headless Chromium, driven by
Selenium through chromium-driver, as a person would: keys, a click.

    python3 tests/review_page.py PAGE DOWNLOADS SHOTS

Moves with j/k/n, joins (m), splits (S, s), moves a sentence ( ] ), confirms
(c), unlinks (u) and undoes it (z), reloads (the edits must come back),
searches, sorts, then clicks Save. Prints the edits it made as JSON lines
{"op": ..., "at": pair index} for tests/review_page.rs to replay, and writes
screenshots at 1400 and 900 px wide (and a phone's 390) into SHOTS.
"""

import json
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

page, downloads, shots = sys.argv[1:4]
opts = webdriver.ChromeOptions()
opts.binary_location = "/usr/bin/chromium"
for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--no-first-run", "--hide-scrollbars",
            "--window-size=1400,1000"]:
    opts.add_argument(arg)
opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
opts.add_experimental_option("prefs", {"download.default_directory": downloads,
                                       "download.prompt_for_download": False})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
log = []


def check(ok, why):
    if not ok:
        sys.stderr.write("review page: " + why + "\n")
        driver.quit()
        sys.exit(1)


def cur():
    return int(driver.find_element(By.CSS_SELECTOR, "tr.cur").get_attribute("data-k"))


def press(keys, op=None):
    at = cur()
    driver.find_element(By.TAG_NAME, "body").send_keys(keys)
    if op:
        log.append({"op": op, "at": at})


def count(id_):
    return int(driver.find_element(By.ID, id_).text)


try:
    driver.get("file://" + os.path.abspath(page))
    rows = driver.find_elements(By.CSS_SELECTOR, "#rows tr")
    check(len(rows) == count("pairs") and len(rows) > 8, "a row a pair")
    check(cur() == 0, "the first pair is current")
    langs = driver.execute_script("return [D.src_lang, D.tgt_lang]")
    for lang in langs:
        cells = driver.find_elements(By.CSS_SELECTOR, "#rows td[lang='%s']" % lang)
        check(len(cells) == len(rows), "each %s cell carries lang" % lang)
    named = driver.execute_script("return D.pairs.some(p => p.flags.some(f => f.m.length))")
    marks = driver.find_elements(By.CSS_SELECTOR, "#rows mark")
    check(not named or marks, "the numbers and names a flag names are marked")
    legend = driver.find_element(By.ID, "legend").get_attribute("textContent")
    check("1-2" in legend and "0-1" in legend and "merged" in legend, "the legend explains")
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    check(not errors, "no script errors: %s" % errors)

    # Keyboard navigation.
    press("jj")
    check(cur() == 2, "j moves down")
    press("k")
    check(cur() == 1, "k moves up")
    flagged = count("flagged")
    press("n")
    row = driver.find_element(By.CSS_SELECTOR, "tr.cur")
    check(flagged == 0 or "flagged" in row.get_attribute("class"), "n lands on a flagged pair")
    # A click makes a pair current.
    first_row = driver.find_element(By.ID, "p1")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", first_row)
    first_row.click()
    check(cur() == 0, "a click selects")

    # Edits: join, split, move, confirm, unlink and undo.
    press("m", "joinNext")
    check(count("pairs") == len(rows) - 1, "a join leaves one pair less")
    check(count("edited") == 1, "the joined pair counts as edited")
    press("S", "splitLast")
    press("m", "joinNext")
    press("s", "split")
    press("jjj")
    press("]", "sNext")
    press("c", "confirm")
    check(count("confirmed") == 1, "the header counts the confirmed pair")
    press("jj")
    before = driver.execute_script("return csv()")
    press("u", "unlink")
    check(driver.execute_script("return csv()") != before, "unlink changed the pairs")
    press("z", "undo")
    check(driver.execute_script("return csv()") == before, "undo gives back the pairs")

    # Search, sort and threshold change what shows, and the count follows.
    word = driver.execute_script("return D.tgt[1].split(' ').find(w => w.length > 5) || D.tgt[1]")
    box = driver.find_element(By.ID, "search")
    box.send_keys(word)
    shown = count("shown")
    visible = len(driver.find_elements(By.CSS_SELECTOR, "#rows tr:not([hidden])"))
    check(0 < shown == visible < count("pairs"), "search shows %s of %s" % (shown, count("pairs")))
    box.clear()
    box.send_keys(" ")
    driver.execute_script("document.getElementById('search').value=''; document.getElementById('search').dispatchEvent(new Event('input'))")
    driver.find_element(By.CSS_SELECTOR, "#sort option[value=score]").click()
    first = driver.find_element(By.CSS_SELECTOR, "#rows tr").get_attribute("data-k")
    driver.find_element(By.CSS_SELECTOR, "#sort option[value=pair]").click()
    check(driver.find_element(By.CSS_SELECTOR, "#rows tr").get_attribute("data-k") == "0", "sorted by pair again")

    # Reload: the edits are kept.
    state = driver.execute_script("return csv()")
    driver.refresh()
    # The page reads its store once its script has run: wait for that (a
    # loaded machine can answer `refresh` before it), then compare.
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return document.readyState === 'complete' && typeof csv === 'function'")
    )
    reloaded = driver.execute_script("return csv()")
    if reloaded != state:
        # Say what the store held, so that a failure on a loaded machine
        # tells a lost write from a store the page could not read back.
        stored = driver.execute_script("return localStorage.getItem('selaras:' + D.key)")
        sys.stderr.write("stored after reload: %s\nwanted:\n%s\ngot:\n%s\n" % (stored, state, reloaded))
    check(reloaded == state, "a reload keeps the edits")
    check(count("confirmed") == 1, "and the confirmed pair")

    for width in (1400, 900, 390):
        driver.set_window_size(width, 1000)
        time.sleep(0.3)
        driver.save_screenshot(os.path.join(shots, "review-%d.png" % width))
        overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        check(overflow <= 0, "nothing wider than the window at %d px (%d px over)" % (width, overflow))
    driver.set_window_size(1400, 1000)

    driver.find_element(By.ID, "save").click()
    for _ in range(100):
        done = [f for f in os.listdir(downloads) if f.endswith(".csv")]
        if done:
            break
        time.sleep(0.1)
    check(done, "Save downloaded a file")
    saved = open(os.path.join(downloads, done[0]), encoding="utf-8").read()
    check(saved == state, "the saved file is the page's state")
finally:
    driver.quit()
for entry in log:
    print(json.dumps(entry))
