"""How a recruitment form page answers: the form, the closed notice, the 429 and the thanks."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

from . import ratelimit, services

SESSION_KEY = "recruitment_reference_{}"


def _private(response):
    # Each form carries its own CSRF and double-submit tokens: never cache one for others.
    add_never_cache_headers(response)
    return response


def serve_form(page, request):
    """GET shows the form; POST checks, stores and redirects to the thank-you page."""
    context = page.get_context(request)
    if not page.accepting_submissions:
        return _private(TemplateResponse(request, "recruitment/form_closed.html", context))

    form_class = page.get_form_class()
    if request.method == "POST":
        if not ratelimit.allow(request, scope=page.get_submission_model()._meta.model_name):
            return _private(
                TemplateResponse(request, "recruitment/rate_limited.html", context, status=429)
            )
        form = form_class(request.POST, page=page)
        if form.honeypot_filled:
            # Tell a bot nothing: it sees the same redirect, and nothing is stored.
            return redirect(page.url + "thank-you/")
        if form.is_valid():
            submission, _created = services.record_submission(page, form)
            request.session[SESSION_KEY.format(page.pk)] = submission.reference
            return redirect(page.url + "thank-you/")
    else:
        form = form_class(page=page)

    context["form"] = form
    context["recaptcha_enabled"] = "captcha" in form.fields
    return _private(TemplateResponse(request, page.get_template(request), context))


def serve_thank_you(page, request):
    """The reference of what this visitor just sent; a refresh shows it again, sends nothing."""
    reference = request.session.get(SESSION_KEY.format(page.pk))
    context = page.get_context(request)
    context["reference"] = reference
    return _private(TemplateResponse(request, "recruitment/thank_you.html", context))
