"""The admin's data request screen: find everything held for an email address, export it,
erase it. Recruitment managers only (`recruitment.manage_personal_data`).

The address travels only in POST bodies, never in a URL, so it stays out of access logs,
browser history and Referer headers.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods, require_POST

from . import data_requests, permissions
from .admin_views import forbidden_as_403


class DataRequestForm(forms.Form):
    email = forms.EmailField(
        label="Applicant's email address",
        max_length=254,
        help_text="Letter case does not matter. Both queues are searched.",
        error_messages={
            "required": "Enter the email address the applicant used",
            "invalid": "Enter an email address in the correct format, like name@example.com",
        },
    )


def _check(user):
    if not permissions.can_manage_personal_data(user):
        raise PermissionDenied


def _found(request):
    """The posted address and what is held for it, or a form with its errors."""
    form = DataRequestForm(request.POST)
    if not form.is_valid():
        return form, None, []
    email = form.cleaned_data["email"]
    return form, email, data_requests.find(email)


@forbidden_as_403
@require_http_methods(["GET", "POST"])
def search(request):
    """GET: the search form. POST: everything held for the address, with export and erase."""
    _check(request.user)
    context = {"form": DataRequestForm(), "searched": False}
    if request.method == "POST":
        form, email, submissions = _found(request)
        context = {"form": form, "searched": email is not None, "email": email}
        context["formats"] = data_requests.FILE_FORMATS
        if email is not None:
            context["document"] = data_requests.document(email, submissions)
    return TemplateResponse(request, "recruitment/admin/data_requests.html", context)


@forbidden_as_403
@require_POST
def export(request):
    """The JSON or CSV file of everything held for the address; audited per submission."""
    _check(request.user)
    _form, email, _submissions = _found(request)
    file_format = request.POST.get("format", "")
    if email is None or file_format not in data_requests.FILE_FORMATS:
        messages.error(request, "Search for an email address, then choose JSON or CSV.")
        return redirect("recruitment_data_requests")
    filename, content_type, text = data_requests.disclose(email, file_format, by=request.user)
    response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@forbidden_as_403
@require_POST
def erase(request):
    """First POST: a confirmation page. Second POST (confirm=yes): erase, then say what went."""
    _check(request.user)
    _form, email, submissions = _found(request)
    drafts = data_requests.find_drafts(email) if email else []
    if email is None or not (submissions or drafts):
        messages.error(request, "Nothing is held for that address, so there is nothing to erase.")
        return redirect("recruitment_data_requests")
    if request.POST.get("confirm") != "yes":
        return TemplateResponse(
            request,
            "recruitment/admin/data_request_erase.html",
            {"email": email, "submissions": submissions, "drafts": drafts},
        )
    references = data_requests.erase(email, by=request.user)
    messages.success(
        request,
        f"Personal data erased from {len(references)} submission(s): {', '.join(references)}. "
        f"{len(drafts)} unfinished application(s) deleted. "
        "The references, statuses and dates remain for reporting.",
    )
    return redirect("recruitment_data_requests")
