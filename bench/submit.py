"""Submit the recruitment forms as many concurrent applicants would, and report what came back.

Each simulated applicant is a thread with its own connection and cookies: it opens the form
(GET: CSRF cookie, double-submit token), posts a valid application, follows the redirect to
the thank-you page and reads its reference number. Standard library only, so it runs from
any checkout.

usage: python bench/submit.py --form sc|mp --count 500 --clients 20 \
           [--base http://127.0.0.1:8006,http://127.0.0.1:8007] [--run-id ID] [--json out.json]

Several --base addresses are used round robin (one per client), e.g. two app instances.
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
TOKEN_RE = re.compile(r'<input[^>]*name="token"[^>]*>')
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
            "preferred_role": "response",
            "has_convictions": "no",
            "has_tattoos": "no",
            "has_business_interests": "no",
            "heard_about": "website",
        }
    return {
        **common,
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

    def __init__(self, base):
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port or 80
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        self.cookies = {}

    def request(self, method, path, body=None):
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

    def apply(self, form, email):
        """One whole application. Returns (status of the POST, reference or '', seconds)."""
        path = FORMS[form]
        status, _headers, html = self.request("GET", path)
        if status != 200:
            return status, "", 0.0
        token = VALUE_RE.search(TOKEN_RE.search(html).group(0)).group(1)
        csrf = VALUE_RE.search(CSRF_RE.search(html).group(0)).group(1)
        area = AREA_RE.search(html).group(1)
        data = {**answers(form, email, area), "token": token, "csrfmiddlewaretoken": csrf}
        started = time.perf_counter()
        status, headers, _ = self.request("POST", path, urlencode(data))
        elapsed = time.perf_counter() - started
        reference = ""
        if status in (301, 302, 303):
            location = urlsplit(headers["Location"]).path
            _status, _h, thanks = self.request("GET", location)
            found = REFERENCE_RE.search(thanks)
            reference = found.group(0) if found else ""
        return status, reference, elapsed


def run(bases, form, count, clients, run_id):
    """Send count applications from clients threads; returns the list of outcomes."""
    outcomes = []
    lock = threading.Lock()
    numbers = iter(range(count))

    def worker(index):
        applicant = Applicant(bases[index % len(bases)])
        while True:
            with lock:
                n = next(numbers, None)
            if n is None:
                return
            email = f"bench+{run_id}-{form}-{n}@example.org"
            try:
                status, reference, elapsed = applicant.apply(form, email)
            except Exception as exc:  # noqa: BLE001 - every failure is an outcome to report
                status, reference, elapsed = f"error: {exc.__class__.__name__}", "", 0.0
            with lock:
                outcomes.append(
                    {"email": email, "status": status, "reference": reference, "s": elapsed}
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
    return {
        "form": form,
        "sent": len(outcomes),
        "accepted": len(ok),
        "seconds": round(seconds, 2),
        "submissions_per_s": round(len(ok) / seconds, 1) if seconds else 0,
        "post_ms_p50": round(statistics.median(times) * 1000, 1),
        "post_ms_p95": round(pct(95), 1),
        "post_ms_p99": round(pct(99), 1),
        "statuses": statuses,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8006")
    parser.add_argument("--form", choices=sorted(FORMS), default="sc")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--run-id", default=uuid.uuid4().hex[:8])
    parser.add_argument("--json", help="write every outcome here")
    args = parser.parse_args(argv)
    bases = args.base.split(",")
    outcomes, seconds = run(bases, args.form, args.count, args.clients, args.run_id)
    result = summary(args.form, outcomes, seconds)
    print(json.dumps(result))
    if args.json:
        with open(args.json, "w") as out:
            json.dump({"run_id": args.run_id, "summary": result, "outcomes": outcomes}, out)
    return 0 if result["accepted"] == result["sent"] else 1


if __name__ == "__main__":
    sys.exit(main())
