"""The applicant's pages: check you can apply, one section per page, check your answers,
send, thank you; come back later; the status page and withdrawal. Thin over `intake`.

The first page is the same for every first-time visitor (no CSRF token, no session read),
so the page cache can keep it. Its answers hold no personal data beyond a date of birth
that is not stored unless the check passes, and its POST goes to `check_eligibility`, which
is exempt from the per-visitor CSRF token and instead refuses a request from another site
(Django's Origin rule, `cms.origin`), serves only live, public form pages of the request's
site, and counts each draft it starts in the per-client rate limit. Every later page has the
usual CSRF token.

The session holds this browser's draft and, from the moment the draft starts, the key its
submission will be stored under (`Draft.submission_token`). A Send retried after its answer
was lost finds the submission by that key, never an older one; a fresh browser retrying the
same form is told by the key in the form that it was received (`received`).
"""

import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page, Site

from cms.origin import same_origin
from cms.routing import public

from . import intake, links, notifications, ratelimit
from .forms import DeclarationForm, SectionForm
from .models.drafts import Draft
from .queues import QUEUES, queue_for
from .workflows import TransitionNotAllowed

DRAFT_KEY = "recruitment_draft_{}"
# The idempotency key of this browser's draft's submission, kept from the draft's start.
SUBMISSION_KEY = "recruitment_submission_{}"
# The submission whose status link this browser opened, per form page: {"pk", "hash"}. The
# hash is the link's, so asking for a new link (which replaces it) ends this session's view.
STATUS_KEY = "recruitment_status_{}"
# "Check your email" after asking for a link: what the page says, read once by its GET, so
# the answer to the POST is a redirect and Back never sends the form again (nor shows the
# address after a quick exit has ended the session).
LINK_SENT_KEY = "recruitment_link_sent_{}"
# What the last "Save and come back later" kept, per form page, for the save page to say:
# {"section": title, "not_kept": [labels], "kept_any": bool}. Replaced by each save, dropped
# once a link is sent.
SAVED_KEY = "recruitment_saved_{}"


class EmailForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )


def _private(response):
    # Every page but the first shows one visitor's answers: never cache it for others.
    add_never_cache_headers(response)
    return response


def _render(request, page, template, status=200, **extra):
    context = page.get_context(request)
    # private_page: if the back/forward cache brings the page back, the quick exit's script
    # loads it again from the server (static/js/quick-exit.js).
    context.update(queue=queue_for(page), private_page=True, **extra)
    return _private(TemplateResponse(request, template, context, status=status))


def _capability(response, token_in_address=True):
    """A page reached with (or instead of) a link's token: the token goes no further.

    Its template loads no analytics or third-party script (`capability_page` in the context,
    honoured by base.html and the cookie banner; on the response, by config/csp.py). A
    response at an address holding a token sends no Referer at all (the site's policy would
    send the full address to this site's own pages); the status and withdraw pages, whose
    address holds none, send one only to this site: with "no-referrer" the browser would
    send `Origin: null` with their form, which Django's CSRF check refuses."""
    response.headers["Referrer-Policy"] = "no-referrer" if token_in_address else "same-origin"
    response.capability_page = True  # config/csp.py: no analytics hosts in its policy
    return response


def _render_capability(request, page, template, status=200, token_in_address=False, **extra):
    response = _render(request, page, template, status, capability_page=True, **extra)
    return _capability(response, token_in_address)


def _link_not_working(request, page, status_link=False):
    response = _render_capability(
        request,
        page,
        "recruitment/link_expired.html",
        status=404,
        token_in_address=True,
        status_link=status_link,
        status_link_days=links.status_link_days(),
        resume_link_days=links.RESUME_LINK_DAYS,
    )
    # Django logs every 4xx with its path, and this path holds a token (perhaps one that
    # still works for another page): mark it logged so the address stays out of the logs.
    response._has_been_logged = True
    return response


def step_url(page, section):
    return f"{page.url}step/{section.slug}/"


def check_url(page):
    return f"{page.url}check-your-answers/"


def current_draft(request, queue):
    """This browser's draft of queue, or None. Reads no session unless the browser has one,
    so a first visit stays the same for everyone (cacheable)."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return None
    pk = request.session.get(DRAFT_KEY.format(queue.key))
    if not pk:
        return None
    from_db = Draft.objects.filter(pk=pk, queue_key=queue.key).first()
    if from_db is None:
        del request.session[DRAFT_KEY.format(queue.key)]
    return from_db


def _remember(request, queue, draft):
    # The submission's key goes with the draft, before Send: a retried Send finds what the
    # draft became, and a new draft replaces the key of the last one sent from this browser.
    for key, value in [
        (DRAFT_KEY.format(queue.key), str(draft.pk)),
        (SUBMISSION_KEY.format(queue.key), str(draft.submission_token)),
    ]:
        if request.session.get(key) != value:  # an unchanged session is not written again
            request.session[key] = value


def forget(request, queue):
    """This browser forgets its draft of queue and the key of what it became (the draft itself
    is kept, or deleted, by the caller): nothing of it is reached from this session again."""
    request.session.pop(DRAFT_KEY.format(queue.key), None)
    request.session.pop(SUBMISSION_KEY.format(queue.key), None)


def _sent(page, key):
    """The submission of page's form stored under an idempotency key (a string), or None."""
    try:
        key = uuid.UUID(str(key))
    except ValueError:
        return None
    return queue_for(page).model.objects.filter(idempotency_key=key, page=page).first()


def sent_from_this_browser(request, page):
    """The submission this browser's last draft of page's form became, or None (not sent,
    or no session)."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return None
    key = request.session.get(SUBMISSION_KEY.format(queue_for(page).key))
    return _sent(page, key) if key else None


def _posted_form(request, section):
    """The section's form bound to the POST; an input sent twice is a forged request (400)."""
    form = SectionForm(request.POST, section=section)
    if form.repeated_inputs():
        raise BadRequest("An answer was sent more than once.")
    return form


def _next_url(page, queue, draft):
    section = intake.first_unanswered(queue, draft)
    return step_url(page, section) if section else check_url(page)


def _closed(request, page):
    return _render(request, page, "recruitment/form_closed.html")


def _section_page(request, page, queue, form, draft, status=200, changing=False, limited=False):
    section = form.section
    before = queue.section_before(section.slug)
    if changing:
        back = check_url(page)
    elif before is not None:
        back = step_url(page, before)
    else:
        back = page.get_parent().url
    is_first = section is queue.eligibility
    action = (
        reverse("recruitment_check_eligibility", args=[page.pk])
        if is_first
        else step_url(page, section)
    )
    if changing:
        action += "?change=1"
    return _render(
        request,
        page,
        "recruitment/section.html",
        status=status,
        form=form,
        section=section,
        draft=draft,
        back_url=back,
        action=action,
        is_first=is_first,
        limited=limited,
        step_number=queue.sections.index(section) + 1,
        step_count=len(queue.sections),
    )


def start(page, request):
    """The form's address: "Check you can apply" for a first visit; for a browser with an
    unfinished application, "Continue your application" or "Delete my answers"."""
    if not page.accepting_submissions:
        return _closed(request, page)
    queue = queue_for(page)
    draft = current_draft(request, queue)
    if draft is not None:
        return _render(
            request, page, "recruitment/continue.html", continue_url=_next_url(page, queue, draft)
        )
    form = SectionForm(section=queue.eligibility)
    response = _section_page(request, page, queue, form, None)
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        # The same page for every first-time visitor: the page cache may keep it.
        del response.headers["Cache-Control"]
        del response.headers["Expires"]
    return response


def _form_page(request, page_id):
    """The live, public recruitment form page page_id of the request's site, else 404."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    pages = Page.objects.live().descendant_of(site.root_page, inclusive=True)
    page = get_object_or_404(public(pages), pk=page_id).specific
    try:
        queue_for(page)
    except KeyError:
        raise Http404 from None
    return page


@csrf_exempt
@require_POST
def check_eligibility(request, page_id):
    """The POST of "Check you can apply": say at once why someone cannot apply (storing
    nothing), or keep the answers as a draft and go on to the next section."""
    page = _form_page(request, page_id)
    queue = queue_for(page)
    if not same_origin(request):
        return HttpResponseForbidden("This form can only be sent from this site.")
    if not page.accepting_submissions:
        return _closed(request, page)
    draft = current_draft(request, queue)
    form = _posted_form(request, queue.eligibility)
    changing = "change" in request.GET
    if not form.is_valid():
        return _section_page(request, page, queue, form, draft, changing=changing)
    if reasons := intake.ineligibility(queue, form, page):
        return _render(
            request, page, "recruitment/ineligible.html", reasons=_with_links(page, reasons)
        )
    if draft is None:
        # Each new draft is a row: counted, so a script cannot fill the table (README). Per
        # form: a school office's registrations never use up its volunteers' applications.
        scope = ratelimit.drafts_scope(queue.key)
        if ratelimit.limited(request, scope):
            return _section_page(request, page, queue, form, None, status=429, limited=True)
        ratelimit.count(request, scope)
    draft = intake.save_section(queue, page, draft, form)
    _remember(request, queue, draft)
    if changing and intake.first_unanswered(queue, draft) is None:
        return redirect(check_url(page))
    return redirect(_next_url(page, queue, draft))


def _with_links(page, reasons):
    """Each reason with what the person can do instead, linked to its programme page."""
    programmes = page.get_parent().get_parent()
    found = []
    for _question, message, instead in reasons:
        options = []
        for words, slug in instead:
            target = (
                programmes.get_children().live().filter(slug=slug).first() if programmes else None
            )
            options.append({"text": words, "url": target.url if target else ""})
        found.append({"message": message, "instead": options})
    return found


def section(page, request, slug):
    """One section's questions: GET shows the saved answers; a valid POST saves them and
    goes on (back to check your answers after a Change)."""
    if not page.accepting_submissions:
        return _closed(request, page)
    queue = queue_for(page)
    try:
        this = queue.section(slug)
    except KeyError:
        raise Http404 from None
    draft = current_draft(request, queue)
    if draft is None:
        # No answers here yet (a new browser, or the session ended): start at the beginning.
        return redirect(page.url)
    changing = "change" in request.GET
    if request.method == "POST" and this is not queue.eligibility:
        form = _posted_form(request, this)
        if request.POST.get("action") == "save":
            # "Save and come back later" never stops at errors: every answer that passed its
            # own checks is kept; a page not finished is asked again when the applicant comes
            # back, and the save page names the answers that were not kept.
            form.is_valid()
            intake.save_section(queue, page, draft, form)
            request.session[SAVED_KEY.format(page.pk)] = {
                "section": this.title,
                "not_kept": [str(form.fields[name].label) for name in form.not_kept()],
                # Optional questions left empty pass their checks but keep nothing worth saying.
                "kept_any": any(any(v) for v in form.posted_values().values()),
            }
            return redirect(f"{page.url}save/")
        if form.is_valid():
            draft = intake.save_section(queue, page, draft, form)
            if changing and intake.first_unanswered(queue, draft) is None:
                return redirect(check_url(page))
            after = queue.section_after(slug)
            if after is not None and after.slug not in draft.completed_sections:
                return redirect(step_url(page, after))
            return redirect(_next_url(page, queue, draft))
        return _section_page(request, page, queue, form, draft, changing=changing)
    return _section_page(
        request, page, queue, intake.section_form(this, draft), draft, changing=changing
    )


def _summary(queue, submission):
    return [
        {
            "section": s,
            # A details box after a "No" has nothing to check.
            "rows": [
                {"question": q, "answer": q.display(submission)}
                for q in s.questions
                if not q.reveal_when_yes or q.display(submission)
            ],
        }
        for s in queue.sections
    ]


def check_answers(page, request):
    """Every answer with a Change link per section, then the declaration and Send."""
    queue = queue_for(page)
    if not page.accepting_submissions:
        return _closed(request, page)
    draft = current_draft(request, queue)
    if draft is None:
        if request.method == "POST":
            # Send again after the first one counted (its answer lost, or pressed twice): the
            # application this browser's draft became, never an older one.
            if sent_from_this_browser(request, page) is not None:
                return redirect(f"{page.url}thank-you/")
            if (sent := _sent(page, request.POST.get("submission", ""))) is not None:
                return received(request, page, sent)
        return redirect(page.url)
    _remember(request, queue, draft)
    try:
        submission = intake.answers(queue, draft, page)
    except intake.DraftIncomplete as missing:
        return redirect(step_url(page, missing.section))

    def show(form, status=200, limited=False):
        return _render(
            request,
            page,
            "recruitment/check_answers.html",
            status=status,
            form=form,
            summary=_summary(queue, submission),
            limited=limited,
            recaptcha_enabled="captcha" in form.fields,
            submission_key=draft.submission_token,
            back_url=step_url(page, queue.sections[-1]),
        )

    scope = queue.key
    if request.method != "POST":
        return show(DeclarationForm())
    form = DeclarationForm(request.POST)
    if ratelimit.limited(request, scope):
        return show(form, status=429, limited=True)
    if form.honeypot_filled:
        # Tell a bot nothing: it sees the same redirect, and nothing is stored.
        ratelimit.count(request, scope)
        return redirect(f"{page.url}thank-you/")
    if not form.is_valid():
        if form.captcha_failed:
            ratelimit.count(request, scope)
        return show(form)
    try:
        sent, created = intake.record_submission(page, draft)
    except intake.DraftIncomplete as missing:
        return redirect(step_url(page, missing.section))
    if created:
        ratelimit.count(request, scope)
    request.session.pop(DRAFT_KEY.format(queue.key), None)
    return redirect(f"{page.url}thank-you/")


def thank_you(page, request):
    """The reference of what this visitor just sent; a refresh shows it again, sends nothing."""
    sent = sent_from_this_browser(request, page)
    reference = sent.reference if sent is not None else None
    return _render(request, page, "recruitment/thank_you.html", reference=reference)


def received(request, page, submission):
    """A Send retried from a browser that no longer has this application's session (a new
    browser, or a lost session) with its key from the form: it was received, and its reference.

    The key opens nothing else: no answers, no status, no link (README, "Sending").
    """
    return _render(request, page, "recruitment/thank_you.html", reference=submission.reference)


def send_retried_without_session(request):
    """For the CSRF failure page (`csrf_failure_response` hook): a Send from a browser with no
    cookies for us is a retry of one whose answer was lost; when the key in its form names a
    stored application of that form, say it was received. None otherwise (the usual page:
    nothing was sent, which is then true)."""
    if request.method != "POST" or not request.path.endswith("/check-your-answers/"):
        return None
    try:
        key = uuid.UUID(request.POST.get("submission", ""))
    except ValueError:
        return None
    for queue in QUEUES:
        sent = queue.model.objects.filter(idempotency_key=key).select_related("page").first()
        if sent is None or sent.page is None:
            continue
        page = sent.page.specific
        if f"{page.get_url(request)}check-your-answers/" == request.path:
            return received(request, page, sent)
    return None


def save_for_later(page, request):
    """ "Email me a link to come back later": the same answer whatever the address."""
    queue = queue_for(page)
    draft = current_draft(request, queue)
    form = EmailForm(request.POST or None, initial={"email": draft.email if draft else ""})
    if request.method == "POST":
        if ratelimit.limited(request, "links"):
            return _render(
                request,
                page,
                "recruitment/save.html",
                status=429,
                form=form,
                limited=True,
                draft=draft,
            )
        if form.is_valid():
            ratelimit.count(request, "links")
            intake.send_resume_link(page, form.cleaned_data["email"], draft)
            return _link_sent_redirect(request, page, form.cleaned_data["email"])
    saved = request.session.get(SAVED_KEY.format(page.pk)) if draft else None
    return _render(
        request,
        page,
        "recruitment/save.html",
        form=form,
        draft=draft,
        saved=saved if isinstance(saved, dict) else None,
    )


def _link_sent_redirect(request, page, email, status_link=False):
    request.session.pop(SAVED_KEY.format(page.pk), None)
    request.session[LINK_SENT_KEY.format(page.pk)] = {"email": email, "status": status_link}
    return redirect(f"{page.url}email-sent/")


def link_sent(page, request):
    """ "Check your email", after asking for a come-back or status link (the GET its POST
    redirects to). Without what the POST left in the session (another browser, or after a
    quick exit) there is nothing to say: the form's first page."""
    held = None
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        held = request.session.get(LINK_SENT_KEY.format(page.pk))
    if not isinstance(held, dict):
        return redirect(page.url)
    status_link = bool(held.get("status"))
    return _render(
        request,
        page,
        "recruitment/link_sent.html",
        email=held.get("email", ""),
        status_link=status_link,
        status_link_days=links.status_link_days() if status_link else None,
        draft=None if status_link else current_draft(request, queue_for(page)),
    )


def come_back(page, request, token):
    """A come-back link: it works once. This browser takes the draft into its session and
    goes on at the first unanswered section, at an address without the token."""
    queue = queue_for(page)
    draft = intake.use_resume_link(page, token)
    if draft is None:
        return _link_not_working(request, page)
    _remember(request, queue, draft)
    # A new session key for what the link grants, as at a sign-in: a session cookie planted
    # in this browser beforehand does not get the draft.
    request.session.cycle_key()
    return _capability(_private(redirect(_next_url(page, queue, draft))))


def delete_answers(page, request):
    """ "Delete my answers and start again": the draft is deleted, not just forgotten."""
    if request.method != "POST":
        return redirect(page.url)
    queue = queue_for(page)
    draft = current_draft(request, queue)
    if draft is not None:
        intake.delete_draft(draft)
        forget(request, queue)
    return _render(request, page, "recruitment/deleted.html")


def status_request(page, request):
    """The status page of the submission this browser opened a link for; otherwise (and for
    a POST) ask for the status link again by email, the same answer whatever the address."""
    if request.method != "POST" and (submission := _status_submission(request, page)):
        return _status_page(request, page, submission)
    form = EmailForm(request.POST or None)
    if request.method == "POST":
        if ratelimit.limited(request, "links"):
            return _render(
                request,
                page,
                "recruitment/status_request.html",
                status=429,
                form=form,
                limited=True,
            )
        if form.is_valid():
            ratelimit.count(request, "links")
            intake.send_status_links(page, form.cleaned_data["email"])
            return _link_sent_redirect(request, page, form.cleaned_data["email"], True)
    return _render(request, page, "recruitment/status_request.html", form=form)


def _status_submission(request, page):
    """The submission this browser opened a status link for, while that link is the current
    one and the personal data is there; else None."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return None
    held = request.session.get(STATUS_KEY.format(page.pk))
    if not isinstance(held, dict):
        return None
    return (
        queue_for(page)
        .model.objects.filter(
            pk=held.get("pk"), status_token_hash=held.get("hash"), anonymised_at__isnull=True
        )
        .exclude(status_token_hash="")
        .first()
    )


def _status_page(request, page, submission):
    """The applicant's private status page: the stage in plain words, what happens next,
    and when the team last emailed (only what was really sent)."""
    emailed, emailed_about_this = notifications.emailed_about_status(submission)
    return _render_capability(
        request,
        page,
        "recruitment/status.html",
        submission=submission,
        stage=queue_for(page).stage(submission.status),
        emailed=emailed,
        emailed_about_this=emailed_about_this,
    )


def status(page, request, token):
    """A status link: exchanged for this browser's session, then the status page at an
    address without the token (`status/`)."""
    submission = intake.submission_for_status_token(page, token)
    if submission is None:
        return _link_not_working(request, page, status_link=True)
    request.session[STATUS_KEY.format(page.pk)] = {
        "pk": submission.pk,
        "hash": submission.status_token_hash,
    }
    request.session.cycle_key()  # as come_back
    return _capability(_private(redirect(f"{page.url}status/")))


def withdraw(page, request):
    """ "Withdraw my application", with a confirmation step, for the submission whose status
    link this browser opened."""
    submission = _status_submission(request, page)
    if submission is None:
        return _link_not_working(request, page, status_link=True)
    if request.method == "POST" and submission.is_open:
        try:
            intake.withdraw(submission)
        except TransitionNotAllowed:
            pass  # staff decided it meanwhile: the status page says what it is now
    if request.method == "POST" or not submission.is_open:
        return _capability(_private(redirect(f"{page.url}status/")), token_in_address=False)
    return _render_capability(request, page, "recruitment/withdraw.html", submission=submission)
