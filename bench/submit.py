"""Go through the recruitment forms as many concurrent applicants would, and report what came back.

Each simulated applicant is a thread with its own connection and cookies. It makes the
whole journey: opens the form ("Check you can apply"), answers it, then each section page in
turn (GET, then POST with that page's CSRF token), check your answers, Send, and reads its
reference number from the thank-you page. Every step is timed; the summary gives journeys/s
and each step's p50/p95. Standard library only, so it runs from any checkout.

usage: python bench/submit.py --form sc|mp --count 500 --clients 20 \
           [--base http://127.0.0.1:8006,http://127.0.0.1:8007] [--run-id ID] [--json out.json] \
           [--sends 3] [--retries 5]

Several --base addresses are used round robin (one per client), e.g. two app instances.

--sends N presses Send N times at once (N connections sharing the browser's cookies), as a
nervous applicant on a slow phone does; each press then reads the thank-you page, and the
outcome keeps every press's status and the reference each was shown. --retries K makes the
client retry a request that got no answer (a connection reset by a killed worker) or a 5xx,
up to K times, as a browser's user pressing again would; every 5xx seen is counted.
"""

import argparse
import http.client
import json
import re
import statistics
import sys
import threading
import time
import uuid
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

FORMS = {
    "sc": "/volunteer/special-constables/apply/",
    "mp": "/volunteer/mini-police/register/",
}
ACTION_RE = re.compile(r'<form method="post" action="([^"]+)"[^>]*recruitment-form')
CSRF_RE = re.compile(r'<input[^>]*name="csrfmiddlewaretoken"[^>]*>')
VALUE_RE = re.compile(r'value="([^"]*)"')
AREA_RE = re.compile(r'<select[^>]*name="area".*?<option value="(\d+)"', re.S)
REFERENCE_RE = re.compile(r"\b(?:SC|MP)-\d{4}-\d{6}\b")


def answers(form, email, area):
    """A valid application for form, from email."""
    common = {
        "email": email,
        "phone": "07700 900123",
        "address_line_1": "1 High Street",
        "town": "Exampleton",
        "postcode": "EX1 1AA",
        "area": area,
        "consent": "on",
    }
    if form == "sc":
        return {
            **common,
            "first_name": "Alex",
            "last_name": "Bench",
            "date_of_birth_day": "1",
            "date_of_birth_month": "5",
            "date_of_birth_year": "1990",
            "lived_in_uk_3_years": "yes",
            "nationality": "British",
            "right_to_remain": "yes",
            "hours_per_month": "16",
            "in_barred_occupation": "no",
            "preferred_role": "response",
            "has_convictions": "no",
            "has_tattoos": "no",
            "has_business_interests": "no",
            "heard_about": "website",
        }
    return {
        **common,
        "primary_school_in_area": "yes",
        "school_name": "Bench Primary School",
        "urn": "123456",
        "contact_name": "Sam Teacher",
        "contact_role": "Head teacher",
        "year_groups": "year_5",
        "number_of_pupils": "30",
        "preferred_start": "2026/27",
    }


class Applicant:
    """One browser: a keep-alive connection and a cookie jar."""

    def __init__(self, base, retries=0):
        parts = urlsplit(base)
        self.base = base
        self.host, self.port = parts.hostname, parts.port or 80
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        self.cookies = {}
        self.retries = retries
        self.server_errors = 0
        self.retried = 0

    def tab(self):
        """Another connection of the same browser (same cookies), for a second press of Send."""
        other = Applicant(self.base, self.retries)
        other.cookies = dict(self.cookies)
        return other

    def request(self, method, path, body=None):
        """One request, retried (as a person pressing again) after no answer or a 5xx."""
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                status, headers, content = self._request(method, path, body)
            except (OSError, http.client.HTTPException):
                if last:
                    raise
                self.retried += 1
                time.sleep(0.2 * (attempt + 1))
                continue
            if status >= 500:
                self.server_errors += 1
                if not last:
                    self.retried += 1
                    time.sleep(0.2 * (attempt + 1))
                    continue
            return status, headers, content
        raise AssertionError("unreachable")

    def _request(self, method, path, body=None):
        headers = {"Host": f"{self.host}:{self.port}", "Accept": "text/html"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"http://{self.host}:{self.port}"
            headers["Referer"] = f"http://{self.host}:{self.port}{path}"
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            content = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
            raise
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response.status, response.headers, content

    def _post_step(self, path, html, data, steps, name):
        csrf = CSRF_RE.search(html)
        if csrf:
            data = {**data, "csrfmiddlewaretoken": VALUE_RE.search(csrf.group(0)).group(1)}
        started = time.perf_counter()
        status, headers, body = self.request("POST", path, urlencode(data, doseq=True))
        steps[name] = steps.get(name, 0.0) + time.perf_counter() - started
        location = urlsplit(headers["Location"]).path if status in (301, 302, 303) else ""
        return status, location, body

    def press_send(self, path, html, data, steps, presses):
        """Send pressed `presses` times at once; returns (status, location, html, presses)."""
        tabs = [self] + [self.tab() for _ in range(presses - 1)]
        results = [None] * presses

        def press(i):
            try:
                results[i] = tabs[i]._post_step(path, html, data, steps, "check-your-answers")
            except Exception as exc:  # noqa: BLE001 - reported as that press's outcome
                results[i] = (f"error: {exc.__class__.__name__}", "", "")

        threads = [threading.Thread(target=press, args=(i,)) for i in range(presses)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        shown = []
        for tab, (status, location, _body) in zip(tabs, results, strict=True):
            reference = ""
            if location.endswith("/thank-you/"):
                _s, _h, thanks = tab.request("GET", location)
                found = REFERENCE_RE.search(thanks)
                reference = found.group(0) if found else ""
            shown.append({"status": status, "reference": reference})
        self.server_errors += sum(t.server_errors for t in tabs[1:])
        self.retried += sum(t.retried for t in tabs[1:])
        status, location, body = results[0]
        return status, location, body, shown

    def apply(self, form, email, presses_wanted=1):
        """One whole journey. Returns (status of Send, reference or '', seconds, step times,
        every press of Send with the reference it was shown)."""
        steps = {}
        started = time.perf_counter()
        path = FORMS[form]
        status, _headers, html = self.request("GET", path)
        steps["first page"] = time.perf_counter() - started
        if status != 200:
            return status, "", 0.0, steps, []
        data = answers(form, email, "")
        location = ""
        presses = []
        for _ in range(12):  # a journey has fewer pages than this
            action = ACTION_RE.search(html)
            if action is None:
                return "no form", "", 0.0, steps, presses
            if area := AREA_RE.search(html):
                data["area"] = area.group(1)
            name = urlsplit(action.group(1)).path.rstrip("/").rsplit("/", 1)[-1]
            if name == "check-your-answers" and presses_wanted > 1:
                status, location, html, presses = self.press_send(
                    action.group(1), html, data, steps, presses_wanted
                )
            else:
                status, location, html = self._post_step(action.group(1), html, data, steps, name)
            if status not in (301, 302, 303) or location.endswith("/thank-you/"):
                break
            t = time.perf_counter()
            status, _headers, html = self.request("GET", location)
            steps[f"{location.rstrip('/').rsplit('/', 1)[-1]} (page)"] = time.perf_counter() - t
        reference = ""
        if presses:
            reference = presses[0]["reference"]
        elif location.endswith("/thank-you/"):
            _status, _h, thanks = self.request("GET", location)
            found = REFERENCE_RE.search(thanks)
            reference = found.group(0) if found else ""
        return status, reference, time.perf_counter() - started, steps, presses


def run(bases, form, count, clients, run_id, presses=1, retries=0):
    """Send count applications from clients threads; returns the list of outcomes."""
    outcomes = []
    lock = threading.Lock()
    numbers = iter(range(count))

    def worker(index):
        # One browser for all its journeys, so a Send that finds no draft could show the
        # previous application's reference: the check counts that as a problem.
        applicant = Applicant(bases[index % len(bases)], retries)
        while True:
            with lock:
                n = next(numbers, None)
            if n is None:
                return
            applicant.server_errors = applicant.retried = 0
            email = f"bench+{run_id}-{form}-{n}@example.org"
            try:
                status, reference, elapsed, steps, shown = applicant.apply(form, email, presses)
            except Exception as exc:  # noqa: BLE001 - every failure is an outcome to report
                status, reference, elapsed, steps = f"error: {exc.__class__.__name__}", "", 0.0, {}
                shown = []
            with lock:
                outcomes.append(
                    {
                        "email": email,
                        "status": status,
                        "reference": reference,
                        "s": elapsed,
                        "steps": steps,
                        "presses": shown,
                        "server_errors": applicant.server_errors,
                        "retried": applicant.retried,
                    }
                )

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes, time.perf_counter() - started


def summary(form, outcomes, seconds):
    ok = [o for o in outcomes if o["status"] in (301, 302, 303)]
    times = sorted(o["s"] for o in ok) or [0.0]

    def pct(p):
        return times[min(len(times) - 1, int(len(times) * p / 100))] * 1000

    statuses = {}
    for o in outcomes:
        statuses[str(o["status"])] = statuses.get(str(o["status"]), 0) + 1
    per_step = {}
    for o in ok:
        for name, value in o.get("steps", {}).items():
            per_step.setdefault(name, []).append(value)

    def step_ms(values, p):
        values = sorted(values)
        return round(values[min(len(values) - 1, int(len(values) * p / 100))] * 1000, 1)

    return {
        "form": form,
        "sent": len(outcomes),
        "accepted": len(ok),
        "seconds": round(seconds, 2),
        "journeys_per_s": round(len(ok) / seconds, 2) if seconds else 0,
        "journey_ms_p50": round(statistics.median(times) * 1000, 1),
        "journey_ms_p95": round(pct(95), 1),
        "steps_ms": {
            name: {"p50": step_ms(values, 50), "p95": step_ms(values, 95)}
            for name, values in per_step.items()
        },
        "statuses": statuses,
        "server_errors": sum(o.get("server_errors", 0) for o in outcomes),
        "requests_retried": sum(o.get("retried", 0) for o in outcomes),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8006")
    parser.add_argument("--form", choices=sorted(FORMS), default="sc")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--run-id", default=uuid.uuid4().hex[:8])
    parser.add_argument("--json", help="write every outcome here")
    parser.add_argument("--sends", type=int, default=1, help="presses of Send at once")
    parser.add_argument("--retries", type=int, default=0, help="retries after no answer or 5xx")
    args = parser.parse_args(argv)
    bases = args.base.split(",")
    outcomes, seconds = run(
        bases, args.form, args.count, args.clients, args.run_id, args.sends, args.retries
    )
    result = summary(args.form, outcomes, seconds)
    print(json.dumps(result))
    if args.json:
        with open(args.json, "w") as out:
            json.dump({"run_id": args.run_id, "summary": result, "outcomes": outcomes}, out)
    return 0 if result["accepted"] == result["sent"] else 1


if __name__ == "__main__":
    sys.exit(main())
