#!/usr/bin/env python3
"""Drives headless Chromium over the DevTools protocol (--remote-debugging-pipe; Python stdlib only) through
the person's page the way a person would, and prints what it saw as one JSON object on stdout.

    person_page_driver.py flow URL OUT_DIR NEW_WORDING ADDED_NOTE
    person_page_driver.py inspect URL OUT_DIR        # what the page shows, and whether any script ran
    person_page_driver.py status URL...              # HTTP status and heading of each URL

Chromium is found as $CHROMIUM, else `chromium`/`chromium-browser` on PATH. Every wait is bounded.
"""
import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

TIMEOUT = 30.0


class Browser:
    def __init__(self, download_dir=None):
        binary = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
        if not binary:
            raise SystemExit("chromium is not installed (scripts/bootstrap installs it)")
        self.profile = tempfile.mkdtemp(prefix="hyperalign-chromium-")
        commands_r, commands_w = os.pipe()
        results_r, results_w = os.pipe()
        # Move the child's ends above 9 so the dup2 onto 3 and 4 below cannot clobber them.
        high_r = fcntl.fcntl(commands_r, fcntl.F_DUPFD, 10)
        high_w = fcntl.fcntl(results_w, fcntl.F_DUPFD, 10)
        os.close(commands_r)
        os.close(results_w)

        def child_fds():
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.process = subprocess.Popen(
            [binary, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--no-default-browser-check",
             "--disable-extensions", "--disable-background-networking", "--disable-dev-shm-usage",
             "--remote-debugging-pipe", f"--user-data-dir={self.profile}", "--window-size=412,900", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(3, 4), preexec_fn=child_fds)
        os.close(high_r)
        os.close(high_w)
        self.send_fd = commands_w
        self.recv_fd = results_r
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.history = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Network"):
            self.call(f"{domain}.enable", session=True)
        if download_dir:
            self.call("Browser.setDownloadBehavior",
                      {"behavior": "allow", "downloadPath": download_dir, "eventsEnabled": True})

    def close(self):
        try:
            self.call("Browser.close")
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            remaining = deadline - time.time()
            if remaining <= 0 or not select.select([self.recv_fd], [], [], remaining)[0]:
                raise TimeoutError("chromium did not answer in time")
            chunk = os.read(self.recv_fd, 65536)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=False):
        self.next_id += 1
        request = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            request["sessionId"] = self.session
        os.write(self.send_fd, json.dumps(request).encode() + b"\0")
        deadline = time.time() + TIMEOUT
        while True:
            message = self._read_message(deadline)
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_for(self, predicate, what):
        deadline = time.time() + TIMEOUT
        while True:
            for index, event in enumerate(self.events):
                if predicate(event):
                    self.history += self.events[: index + 1]
                    del self.events[: index + 1]
                    return event
            try:
                self.events.append(self._read_message(deadline))
            except TimeoutError:
                raise TimeoutError(f"waited {TIMEOUT} s for {what}")

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"page script failed: {expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def _document_status(self):
        for event in reversed(self.history + self.events):
            if event.get("method") == "Network.responseReceived" and event["params"].get("type") == "Document":
                return event["params"]["response"]["status"]
        return None

    def loaded(self, action):
        """Runs `action` (a navigation or a form submission) and waits for the new page's load; returns the
        final document's HTTP status."""
        self.events.clear()
        self.history = []
        action()
        self.wait_for(lambda e: e.get("method") == "Page.loadEventFired", "the page to load")
        return self._document_status()

    def open(self, url):
        return self.loaded(lambda: self.call("Page.navigate", {"url": url}, session=True))

    def submit(self, selector):
        return self.loaded(lambda: self.evaluate(f"document.querySelector({json.dumps(selector)}).requestSubmit()"))

    def click(self, selector):
        return self.loaded(lambda: self.evaluate(f"document.querySelector({json.dumps(selector)}).click()"))

    def fill(self, selector, value):
        self.evaluate(f"document.querySelector({json.dumps(selector)}).value = {json.dumps(value)}")

    def screenshot(self, path):
        metrics = self.call("Page.getLayoutMetrics", session=True)
        height = int(metrics["cssContentSize"]["height"]) + 1
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": 412, "height": min(height, 6000), "deviceScaleFactor": 1, "mobile": True}, session=True)
        data = self.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, session=True)["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))
        self.call("Emulation.clearDeviceMetricsOverride", session=True)


SNAPSHOT = """(() => {
  const texts = (selector) => Array.from(document.querySelectorAll(selector)).map(e => e.textContent);
  return {
    title: document.title,
    heading: (document.querySelector('h1') || {}).textContent || '',
    notice: (document.querySelector('#notice') || {}).textContent || '',
    statements: texts('.hypothesis .statement'),
    origins: Array.from(document.querySelectorAll('.hypothesis')).map(e => e.dataset.origin),
    evidence: texts('.hypothesis .evidence mark'),
    marksInTexts: texts('.text mark'),
    texts: texts('.text'),
    attributes: Object.fromEntries(Array.from(document.querySelectorAll('tr[id^=attribute-]'))
        .map(row => [row.id.slice(10), row.querySelector('.value').textContent])),
    scripts: document.querySelectorAll('script').length,
    images: document.querySelectorAll('img').length,
    handlers: document.querySelectorAll('[onerror],[onload],[onclick]').length,
    pwned: typeof window.__pwned !== 'undefined',
    forms: document.querySelectorAll('form').length,
  };
})()"""


def snapshot(browser, status):
    seen = browser.evaluate(SNAPSHOT)
    seen["status"] = status
    return seen


def wait_for_file(folder):
    """The one finished download in `folder` (Chromium writes NAME.crdownload, then renames it)."""
    deadline = time.time() + TIMEOUT
    while time.time() < deadline:
        done = [name for name in os.listdir(folder) if not name.endswith(".crdownload")]
        if done and not any(name.endswith(".crdownload") for name in os.listdir(folder)):
            return os.path.join(folder, done[0])
        time.sleep(0.1)
    raise TimeoutError(f"no download finished in {folder} within {TIMEOUT} s")


def flow(url, out, new_wording, added_note):
    downloads = os.path.join(out, "downloads")
    os.makedirs(downloads, exist_ok=True)
    browser = Browser(download_dir=downloads)
    report = {}
    try:
        report["opened"] = snapshot(browser, browser.open(url))
        browser.screenshot(os.path.join(out, "person-page.png"))

        first = browser.evaluate("document.querySelector('.hypothesis').id")
        report["reworded_id"] = first
        browser.fill(f"#statement-{first}", new_wording)
        report["reworded"] = snapshot(browser, browser.submit(f"#{first} form.reword"))

        browser.fill("#new-category", "style")
        browser.fill("#new-statement", added_note)
        report["added"] = snapshot(browser, browser.submit("#add-hypothesis"))

        browser.fill("#value-audience", "students and colleagues")
        report["attribute"] = snapshot(browser, browser.submit("#set-audience"))
        browser.screenshot(os.path.join(out, "person-page-edited.png"))

        browser.evaluate("document.querySelector('#download').click()")
        report["download"] = wait_for_file(downloads)

        report["confirm"] = snapshot(browser, browser.click("#delete"))
        browser.fill("#confirm", "yes")  # not the word asked for
        report["refused_delete"] = snapshot(browser, browser.submit("#confirm-delete"))
        browser.open(url + "/delete")
        browser.fill("#confirm", "delete")
        report["deleted"] = snapshot(browser, browser.submit("#confirm-delete"))
        report["after"] = snapshot(browser, browser.open(url))
    finally:
        browser.close()
    return report


def inspect(url, out):
    browser = Browser()
    try:
        seen = snapshot(browser, browser.open(url))
        browser.screenshot(os.path.join(out, "person-page-hostile.png"))
        time.sleep(0.5)  # give any injected handler (an <img onerror>) time to run
        seen["pwned_later"] = browser.evaluate("typeof window.__pwned !== 'undefined'")
        return seen
    finally:
        browser.close()


def status(urls):
    browser = Browser()
    try:
        return {"pages": [snapshot(browser, browser.open(url)) for url in urls]}
    finally:
        browser.close()


def main(argv):
    command = argv[1] if len(argv) > 1 else ""
    if command == "flow" and len(argv) == 6:
        result = flow(*argv[2:6])
    elif command == "inspect" and len(argv) == 4:
        result = inspect(argv[2], argv[3])
    elif command == "status" and len(argv) > 2:
        result = status(argv[2:])
    else:
        print(__doc__, file=sys.stderr)
        return 64
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
