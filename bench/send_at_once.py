"""Press Send on one application several times at once, as a nervous applicant on a slow
phone does, and report what each press answered.

One applicant goes through the Special Constable form to "Check your answers"; then N
connections with that browser's cookies post the declaration together. Every press should
answer 302 to the thank-you page and each thank-you page show the same reference. Standard
library only (with bench/submit.py), so it runs against any server, e.g. `make run`.

usage: python bench/send_at_once.py [--base http://127.0.0.1:8000] [--presses 3] [--rounds 5]
"""

import argparse
import json
import sys
import threading
import uuid
from pathlib import Path
from urllib.parse import urlencode, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.submit import (  # noqa: E402
    ACTION_RE,
    AREA_RE,
    CSRF_RE,
    FORMS,
    REFERENCE_RE,
    VALUE_RE,
    Applicant,
    answers,
)


def to_check_your_answers(applicant, email):
    """Answer every page; returns check your answers' path and the declaration to post."""
    _status, _headers, html = applicant.request("GET", FORMS["sc"])
    data = answers("sc", email, "")
    for _ in range(12):
        action = ACTION_RE.search(html)[1]
        if action.endswith("/check-your-answers/"):
            declaration = {"consent": "on", "website": ""}
            declaration["csrfmiddlewaretoken"] = VALUE_RE.search(CSRF_RE.search(html)[0])[1]
            if 'name="submission" value="' in html:
                declaration["submission"] = html.split('name="submission" value="', 1)[1][:36]
            return action, declaration
        if area := AREA_RE.search(html):
            data["area"] = area[1]
        posted = dict(data)
        if csrf := CSRF_RE.search(html):
            posted["csrfmiddlewaretoken"] = VALUE_RE.search(csrf[0])[1]
        status, headers, html = applicant.request("POST", action, urlencode(posted, doseq=True))
        if status != 302:
            raise RuntimeError(f"{action} answered {status}")
        _status, _headers, html = applicant.request("GET", urlsplit(headers["Location"]).path)
    raise RuntimeError("no check your answers page")


def press_send(base, presses):
    """One application, Send pressed `presses` times at once: [(status, reference)]."""
    browser = Applicant(base)
    path, declaration = to_check_your_answers(
        browser, f"at-once-{uuid.uuid4().hex[:8]}@example.org"
    )
    answered = [None] * presses
    together = threading.Barrier(presses)

    def press(i):
        tab = Applicant(base)
        tab.cookies = dict(browser.cookies)
        together.wait()
        status, headers, _body = tab.request("POST", path, urlencode(declaration))
        reference = ""
        if status == 302:
            _s, _h, page = tab.request("GET", urlsplit(headers["Location"]).path)
            found = REFERENCE_RE.search(page)
            reference = found[0] if found else ""
        answered[i] = (status, reference)

    threads = [threading.Thread(target=press, args=(i,)) for i in range(presses)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answered


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--presses", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    statuses, split = {}, 0
    for _ in range(args.rounds):
        answered = press_send(args.base, args.presses)
        for status, _reference in answered:
            statuses[str(status)] = statuses.get(str(status), 0) + 1
        split += len({reference for _status, reference in answered}) != 1
    print(
        json.dumps({"rounds": args.rounds, "statuses": statuses, "rounds_not_one_reference": split})
    )
    return 0 if set(statuses) == {"302"} and not split else 1


if __name__ == "__main__":
    sys.exit(main())
