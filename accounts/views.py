"""The two-factor pages: set up an authenticator app, enter a code, reset the app."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from . import two_factor
from .forms import CodeForm


def next_url(request):
    """Where to go once verified: the admin page first asked for, if it is on this site."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url.startswith(reverse("wagtailadmin_home")) and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


@require_http_methods(["GET", "POST"])
def setup(request):
    user = request.user
    if two_factor.confirmed_device(user):
        # A second app is added only by resetting the first, which needs a verified session.
        return redirect("two_factor_manage" if user.is_verified() else "two_factor_verify")
    device = two_factor.pending_device(user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        problem = two_factor.confirm_device(request, device, form.cleaned_data["code"])
        if problem is None:
            messages.success(request, "Two-factor authentication is set up.")
            return redirect(next_url(request))
        form.add_error("code", problem)
    return TemplateResponse(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "next": next_url(request),
            "qr_code": two_factor.qr_code_svg(device),
            "manual_key": two_factor.manual_key(device),
        },
    )


@require_http_methods(["GET", "POST"])
def verify(request):
    if request.user.is_verified():
        return redirect(next_url(request))
    if not two_factor.confirmed_device(request.user):
        return redirect("two_factor_setup")
    form = CodeForm(request.POST or None)
    if form.is_valid():
        problem = two_factor.verify(request, form.cleaned_data["code"])
        if problem is None:
            return redirect(next_url(request))
        form.add_error("code", problem)
    return TemplateResponse(
        request, "accounts/two_factor_verify.html", {"form": form, "next": next_url(request)}
    )


@require_http_methods(["GET", "POST"])
def manage(request):
    """The user's own two-factor settings; resetting needs a session verified with a code."""
    device = two_factor.confirmed_device(request.user)
    if request.method == "POST" and device and request.user.is_verified():
        two_factor.reset(request.user, by=request.user, request=request)
        messages.success(request, "Your authenticator app is removed. Set up a new one now.")
        return redirect("two_factor_setup")
    return TemplateResponse(request, "accounts/two_factor_manage.html", {"device": device})


@require_http_methods(["GET", "POST"])
def reset_user(request, user_id):
    """A superuser removes another user's authenticator app (for a lost phone)."""
    if not request.user.is_superuser:
        raise PermissionDenied
    user = get_object_or_404(get_user_model(), pk=user_id)
    if request.method == "POST":
        two_factor.reset(user, by=request.user)
        messages.success(
            request, f"{user.get_username()} will set up a new authenticator app at next sign-in."
        )
        return redirect("wagtailusers_users:index")
    return TemplateResponse(
        request,
        "accounts/two_factor_reset_user.html",
        {"target": user, "device": two_factor.confirmed_device(user)},
    )
